/**
 * Every input a component requires — not optional and without a default — must be given
 * by each task that runs it, either in `inputs` or as the item of the task's loop.
 */
import { iteratorItemInput } from './iterator-rules.js';
import type { PipelineSpec } from './pipeline-spec.js';
import type { PipelineProblem } from './pipeline-problem.js';
import * as nav from './spec-navigation.js';

export function findMissingInputProblems(spec: PipelineSpec): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  for (const scope of nav.dagScopes(spec)) {
    for (const [taskName, task] of nav.entriesOf(scope.dag.tasks)) {
      const callee = nav.calleeOf(spec, task);
      if (!callee) continue; // reported by the componentRef rule
      const path = `${scope.ownerPath}.dag.tasks.${taskName}.inputs`;
      const item = iteratorItemInput(task);
      const calleeName = task.componentRef.name;
      for (const [name, input] of nav.entriesOf(callee.inputDefinitions?.parameters)) {
        if (input.isOptional || input.defaultValue !== undefined || name === item) continue;
        if (nav.own(task.inputs?.parameters, name) === undefined) {
          const message = `missing required input parameter "${name}" of ${calleeName}`;
          problems.push({ path: `${path}.parameters`, message });
        }
      }
      for (const [name, input] of nav.entriesOf(callee.inputDefinitions?.artifacts)) {
        if (input.isOptional || name === item) continue;
        if (nav.own(task.inputs?.artifacts, name) === undefined) {
          const message = `missing required input artifact "${name}" of ${calleeName}`;
          problems.push({ path: `${path}.artifacts`, message });
        }
      }
    }
  }
  return problems;
}
