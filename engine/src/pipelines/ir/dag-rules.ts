/**
 * Rules inside each DAG: every task named by `dependentTasks`, `producerTask` (inputs,
 * `taskFinalStatus`) or `producerSubtask` (DAG outputs) is a task of the same DAG and has
 * the output asked for; the DAG's outputs match its component's outputDefinitions; and
 * the tasks do not wait on each other in a cycle.
 */
import { findCycle } from './dependency-cycle.js';
import type { PipelineSpec, PipelineTaskSpec } from './pipeline-spec.js';
import { quotedKeys, type PipelineProblem } from './pipeline-problem.js';
import * as nav from './spec-navigation.js';

type OutputKind = 'parameters' | 'artifacts';

export function findDagProblems(spec: PipelineSpec): PipelineProblem[] {
  return nav.dagScopes(spec).flatMap((scope) => {
    const problems: PipelineProblem[] = [];
    const producer = producerCheck(spec, scope, problems);
    referenceProblems(scope, producer);
    outputProblems(scope, producer, problems);
    problems.push(...cycleProblems(scope));
    return problems;
  });
}

type ProducerCheck = (
  path: string,
  task: string,
  key: string | undefined,
  kind: OutputKind,
  what?: string,
) => void;

/** Reports a producer that is not a task of this DAG, or lacks the output `key`. */
function producerCheck(
  spec: PipelineSpec,
  scope: nav.DagScope,
  problems: PipelineProblem[],
): ProducerCheck {
  const tasks = scope.dag.tasks;
  return (path, name, key, kind, what = 'producer task') => {
    const producer = nav.own(tasks, name);
    if (!producer) {
      const has = quotedKeys(tasks);
      problems.push({ path, message: `unknown ${what} "${name}" (this DAG has ${has})` });
    } else if (key !== undefined) {
      const missing = missingOutput(spec, name, producer, key, kind);
      if (missing) problems.push({ path, message: missing });
    }
  };
}

function referenceProblems(scope: nav.DagScope, check: ProducerCheck): void {
  for (const [taskName, task] of nav.entriesOf(scope.dag.tasks)) {
    const path = `${scope.ownerPath}.dag.tasks.${taskName}`;
    (task.dependentTasks ?? []).forEach((name, index) => {
      check(`${path}.dependentTasks[${index}]`, name, undefined, 'parameters', 'dependent task');
    });
    for (const [input, source] of nav.entriesOf(task.inputs?.parameters)) {
      const at = `${path}.inputs.parameters.${input}`;
      const output = source.taskOutputParameter;
      if (output) check(at, output.producerTask, output.outputParameterKey, 'parameters');
      if (source.taskFinalStatus)
        check(at, source.taskFinalStatus.producerTask, undefined, 'parameters');
    }
    for (const [input, source] of nav.entriesOf(task.inputs?.artifacts)) {
      const output = source.taskOutputArtifact;
      const at = `${path}.inputs.artifacts.${input}`;
      if (output) check(at, output.producerTask, output.outputArtifactKey, 'artifacts');
    }
  }
}

function outputProblems(
  scope: nav.DagScope,
  check: ProducerCheck,
  problems: PipelineProblem[],
): void {
  const path = `${scope.ownerPath}.dag.outputs`;
  for (const kind of ['parameters', 'artifacts'] as const) {
    const declared = scope.owner.outputDefinitions?.[kind] ?? {};
    const sources = scope.dag.outputs?.[kind] ?? {};
    for (const name of Object.keys(declared).filter((name) => !Object.hasOwn(sources, name))) {
      const fix = `add dag.outputs.${kind}.${name}`;
      problems.push({
        path: `${path}.${kind}`,
        message: `declared output "${name}" of ${scope.ownerName} has no source; ${fix}`,
      });
    }
    for (const name of Object.keys(sources).filter((name) => !Object.hasOwn(declared, name))) {
      const where = `${scope.ownerName}'s outputDefinitions.${kind}`;
      problems.push({ path: `${path}.${kind}.${name}`, message: `is not declared in ${where}` });
    }
  }
  for (const [name, output] of nav.entriesOf(scope.dag.outputs?.parameters)) {
    const single = output.valueFromParameter;
    if (single)
      check(
        `${path}.parameters.${name}`,
        single.producerSubtask,
        single.outputParameterKey,
        'parameters',
        'producer subtask',
      );
    (output.valueFromOneof?.parameterSelectors ?? []).forEach((selector, index) => {
      const at = `${path}.parameters.${name}.valueFromOneof.parameterSelectors[${index}]`;
      check(
        at,
        selector.producerSubtask,
        selector.outputParameterKey,
        'parameters',
        'producer subtask',
      );
    });
  }
  for (const [name, output] of nav.entriesOf(scope.dag.outputs?.artifacts)) {
    output.artifactSelectors.forEach((selector, index) => {
      const at = `${path}.artifacts.${name}.artifactSelectors[${index}]`;
      check(
        at,
        selector.producerSubtask,
        selector.outputArtifactKey,
        'artifacts',
        'producer subtask',
      );
    });
  }
}

/** Why the producer's component lacks output `key` of this kind, or undefined when it has it. */
function missingOutput(
  spec: PipelineSpec,
  name: string,
  producer: PipelineTaskSpec,
  key: string,
  kind: OutputKind,
): string | undefined {
  const callee = nav.calleeOf(spec, producer);
  if (!callee) return undefined; // reported by the componentRef rule
  const parameter = nav.outputParameter(callee, key);
  const artifact = nav.outputArtifact(callee, key);
  if (kind === 'parameters' ? parameter : artifact) return undefined;
  if (kind === 'parameters' && artifact) {
    return `output "${key}" of task "${name}" is an artifact; pass it under inputs.artifacts with taskOutputArtifact`;
  }
  if (kind === 'artifacts' && parameter) {
    return `output "${key}" of task "${name}" is a parameter; pass it under inputs.parameters with taskOutputParameter`;
  }
  const declared = quotedKeys(callee.outputDefinitions?.[kind]);
  return `task "${name}" has no output ${kind === 'parameters' ? 'parameter' : 'artifact'} "${key}" (it has ${declared})`;
}

function cycleProblems(scope: nav.DagScope): PipelineProblem[] {
  const edges = new Map<string, string[]>();
  for (const [name, task] of nav.entriesOf(scope.dag.tasks)) edges.set(name, upstreamOf(task));
  const cycle = findCycle(edges);
  return cycle
    ? [{ path: `${scope.ownerPath}.dag.tasks`, message: `cycle ${cycle.join(' → ')}` }]
    : [];
}

/** Every task this task waits for: `dependentTasks` and the producers of its inputs. */
function upstreamOf(task: PipelineTaskSpec): string[] {
  const upstream = new Set(task.dependentTasks ?? []);
  for (const source of Object.values(task.inputs?.parameters ?? {})) {
    if (source.taskOutputParameter) upstream.add(source.taskOutputParameter.producerTask);
    if (source.taskFinalStatus) upstream.add(source.taskFinalStatus.producerTask);
  }
  for (const source of Object.values(task.inputs?.artifacts ?? {})) {
    if (source.taskOutputArtifact) upstream.add(source.taskOutputArtifact.producerTask);
  }
  return [...upstream];
}
