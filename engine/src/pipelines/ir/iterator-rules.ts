/**
 * Rules for ParallelFor tasks: a `parameterIterator` loops over a raw JSON list or an
 * input parameter of the loop's component, an `artifactIterator` over an input artifact
 * list of it, and `itemInput` (each iteration's item) is an input of that component.
 */
import type { ComponentSpec, PipelineSpec, PipelineTaskSpec } from './pipeline-spec.js';
import { quotedKeys, type PipelineProblem } from './pipeline-problem.js';
import * as nav from './spec-navigation.js';

/** The input each iteration of `task` receives its item in, if `task` is a loop. */
export function iteratorItemInput(task: PipelineTaskSpec): string | undefined {
  return task.parameterIterator?.itemInput ?? task.artifactIterator?.itemInput;
}

export function findIteratorProblems(spec: PipelineSpec): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  for (const scope of nav.dagScopes(spec)) {
    for (const [name, task] of nav.entriesOf(scope.dag.tasks)) {
      const callee = nav.calleeOf(spec, task);
      if (!callee) continue;
      const path = `${scope.ownerPath}.dag.tasks.${name}`;
      if (task.parameterIterator && task.artifactIterator) {
        problems.push({
          path,
          message: 'has both parameterIterator and artifactIterator; a loop iterates over one',
        });
      }
      if (task.parameterIterator)
        problems.push(...parameterIteratorProblems(`${path}.parameterIterator`, task, callee));
      if (task.artifactIterator)
        problems.push(...artifactIteratorProblems(`${path}.artifactIterator`, task, callee));
    }
  }
  return problems;
}

function parameterIteratorProblems(
  path: string,
  task: PipelineTaskSpec,
  callee: ComponentSpec,
): PipelineProblem[] {
  const iterator = task.parameterIterator;
  if (!iterator) return [];
  const problems: PipelineProblem[] = [];
  const { raw, inputParameter } = iterator.items;
  if ((raw === undefined) === (inputParameter === undefined)) {
    problems.push({
      path: `${path}.items`,
      message: 'must have exactly one of raw or inputParameter',
    });
  }
  if (raw !== undefined && !isJsonList(raw)) {
    problems.push({ path: `${path}.items.raw`, message: "must be a JSON list, e.g. '[1, 2, 3]'" });
  }
  if (inputParameter !== undefined && !nav.inputParameter(callee, inputParameter)) {
    problems.push(
      notDeclared(`${path}.items.inputParameter`, task, callee, inputParameter, 'parameters'),
    );
  }
  if (!nav.inputParameter(callee, iterator.itemInput)) {
    problems.push(notDeclared(`${path}.itemInput`, task, callee, iterator.itemInput, 'parameters'));
  }
  return problems;
}

function artifactIteratorProblems(
  path: string,
  task: PipelineTaskSpec,
  callee: ComponentSpec,
): PipelineProblem[] {
  const iterator = task.artifactIterator;
  if (!iterator) return [];
  const problems: PipelineProblem[] = [];
  if (!nav.inputArtifact(callee, iterator.items.inputArtifact)) {
    problems.push(
      notDeclared(
        `${path}.items.inputArtifact`,
        task,
        callee,
        iterator.items.inputArtifact,
        'artifacts',
      ),
    );
  }
  if (!nav.inputArtifact(callee, iterator.itemInput)) {
    problems.push(notDeclared(`${path}.itemInput`, task, callee, iterator.itemInput, 'artifacts'));
  }
  return problems;
}

function isJsonList(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

function notDeclared(
  path: string,
  task: PipelineTaskSpec,
  callee: ComponentSpec,
  name: string,
  kind: 'parameters' | 'artifacts',
): PipelineProblem {
  const what = kind === 'parameters' ? 'input parameter' : 'input artifact';
  const declared = quotedKeys(callee.inputDefinitions?.[kind]);
  return {
    path,
    message: `the loop's component ${task.componentRef.name} has no ${what} "${name}" (it has ${declared})`,
  };
}
