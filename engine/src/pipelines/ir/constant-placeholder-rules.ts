/**
 * A task's runtime constants may hold `{{$.inputs.parameters['…']}}` placeholders: the
 * compiler writes f-strings and pipeline-input resource limits that way, and passes the
 * value they name as another input of the same task (`pipelinechannel--…`). The run
 * resolves them from that task's inputs, so the name must be one of them.
 */
import type { PipelineSpec } from './pipeline-spec.js';
import { quotedKeys, type PipelineProblem } from './pipeline-problem.js';
import { parsePlaceholders } from './placeholder-syntax.js';
import * as nav from './spec-navigation.js';

export function findConstantPlaceholderProblems(spec: PipelineSpec): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  for (const scope of nav.dagScopes(spec)) {
    for (const [name, task] of nav.entriesOf(scope.dag.tasks)) {
      const inputs = task.inputs?.parameters ?? {};
      for (const [input, source] of nav.entriesOf(task.inputs?.parameters)) {
        const constant = source.runtimeValue?.constant;
        if (constant === undefined) continue;
        const path = `${scope.ownerPath}.dag.tasks.${name}.inputs.parameters.${input}.runtimeValue.constant`;
        for (const [at, text] of nav.stringsIn(constant, path)) {
          for (const part of parsePlaceholders(text)) {
            if (part.kind !== 'inputParameter' || Object.hasOwn(inputs, part.name)) continue;
            const message = `placeholder "${part.text}" names no input of this task (it has ${quotedKeys(inputs)})`;
            problems.push({ path: at, message });
          }
        }
      }
    }
  }
  return problems;
}
