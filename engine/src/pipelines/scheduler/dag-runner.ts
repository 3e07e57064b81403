/**
 * Runs one DAG: every task starts as soon as the tasks it depends on (`dependentTasks`
 * and the producers its inputs name) have finished, so independent tasks run in
 * parallel. A DAG fails when one of its tasks fails; the others still finish.
 */
import type { DagSpec, PipelineTaskSpec } from '../ir/pipeline-spec.js';
import { resolveDagOutputs } from './dag-outputs.js';
import { componentOf, type RunContext, type TaskError } from './run-context.js';
import type { TaskIo, TaskRecord } from './run-model.js';
import type { DagScope, TaskOutcome } from './task-outcome.js';
import { runTaskNode } from './task-node.js';
import type { TrackedTask } from './task-tracker.js';

export interface DagOutcome {
  state: 'SUCCEEDED' | 'FAILED' | 'CANCELED';
  outputs: TaskIo;
  error?: TaskError;
}

export async function runDag(ctx: RunContext, dag: DagSpec, scope: DagScope): Promise<DagOutcome> {
  const keys = Object.keys(dag.tasks);
  const tracked = new Map<string, TrackedTask>();
  for (const key of keys) tracked.set(key, createRecord(ctx, key, taskSpec(dag, key), scope));
  const results = new Map<string, TaskOutcome>();
  const running = new Map<string, Promise<void>>();
  let firstError: TaskError | undefined;
  while (results.size < keys.length) {
    for (const key of keys) {
      if (results.has(key) || running.has(key)) continue;
      const spec = taskSpec(dag, key);
      const upstream = upstreamOf(spec, keys);
      if (!upstream.every((name) => results.has(name))) continue;
      const task = tracked.get(key);
      if (task === undefined) continue;
      const run = runTaskNode(ctx, { key, spec, task, scope, upstream, results }).then(
        (outcome) => {
          results.set(key, outcome);
          running.delete(key);
          if (outcome.state === 'FAILED') firstError ??= outcome.error;
        },
      );
      running.set(key, run);
    }
    if (running.size === 0) {
      failCycle(keys, results, tracked);
      firstError ??= { code: 'INVALID_ARGUMENT', message: 'The DAG has a dependency cycle.' };
      break;
    }
    await Promise.race(running.values());
  }
  const outputs = resolveDagOutputs(dag, results);
  const states = [...results.values()].map((outcome) => outcome.state);
  if (states.includes('CANCELED')) {
    return {
      state: 'CANCELED',
      outputs,
      error: { code: 'CANCELLED', message: cancelReason(ctx.signal) },
    };
  }
  if (firstError !== undefined || states.includes('FAILED')) {
    return {
      state: 'FAILED',
      outputs,
      error: firstError ?? { code: 'INTERNAL', message: 'A task failed.' },
    };
  }
  return { state: 'SUCCEEDED', outputs };
}

/** The tasks of the same DAG that must finish before `task` may start. */
export function upstreamOf(task: PipelineTaskSpec, keys: readonly string[]): string[] {
  const names = new Set(task.dependentTasks ?? []);
  for (const input of Object.values(task.inputs?.parameters ?? {})) {
    if (input.taskOutputParameter) names.add(input.taskOutputParameter.producerTask);
    if (input.taskFinalStatus) names.add(input.taskFinalStatus.producerTask);
  }
  for (const input of Object.values(task.inputs?.artifacts ?? {})) {
    if (input.taskOutputArtifact) names.add(input.taskOutputArtifact.producerTask);
  }
  return [...names].filter((name) => keys.includes(name));
}

/** What kind of record a task gets: from its component (DAG or executor) and iterator. */
export function taskKind(ctx: RunContext, task: PipelineTaskSpec): TaskRecord['kind'] {
  const component = ctx.request.spec.components?.[task.componentRef.name];
  if (component?.dag !== undefined) {
    return task.parameterIterator !== undefined || task.artifactIterator !== undefined
      ? 'loop'
      : 'dag';
  }
  const label = component?.executorLabel;
  return label !== undefined && ctx.request.spec.deploymentSpec?.executors?.[label]?.importer
    ? 'importer'
    : 'container';
}

/** Records the tasks of a DAG that will never run (its group was skipped) as SKIPPED. */
export function recordSkippedSubtree(
  ctx: RunContext,
  componentName: string,
  parentTaskId: string,
): void {
  let dag: DagSpec | undefined;
  try {
    dag = componentOf(ctx, componentName).dag;
  } catch {
    return;
  }
  for (const [key, spec] of Object.entries(dag?.tasks ?? {})) {
    const kind = taskKind(ctx, spec);
    const task = ctx.tracker.create(
      { name: key, displayName: spec.taskInfo.name, kind, parentTaskId },
      'SKIPPED',
    );
    if (kind === 'dag') recordSkippedSubtree(ctx, spec.componentRef.name, task.taskId);
  }
}

function createRecord(
  ctx: RunContext,
  key: string,
  spec: PipelineTaskSpec,
  scope: DagScope,
): TrackedTask {
  const parent = scope.parentTaskId === undefined ? {} : { parentTaskId: scope.parentTaskId };
  return ctx.tracker.create({
    name: key,
    displayName: spec.taskInfo.name,
    kind: taskKind(ctx, spec),
    ...parent,
  });
}

function taskSpec(dag: DagSpec, key: string): PipelineTaskSpec {
  const spec = dag.tasks[key];
  if (spec === undefined) throw new Error(`Task "${key}" vanished from its DAG.`);
  return spec;
}

function failCycle(
  keys: readonly string[],
  results: Map<string, TaskOutcome>,
  tracked: Map<string, TrackedTask>,
): void {
  for (const key of keys) {
    if (results.has(key)) continue;
    const task = tracked.get(key);
    if (task === undefined) continue;
    const error = {
      code: 'INVALID_ARGUMENT',
      message: `Task "${key}" is part of a dependency cycle and cannot run.`,
    };
    task.finish('FAILED', { error });
    results.set(key, {
      state: 'FAILED',
      outputs: { parameters: {}, artifacts: {} },
      error,
      taskId: task.taskId,
    });
  }
}

function cancelReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name !== 'AbortError'
    ? reason.message
    : 'The run was cancelled.';
}
