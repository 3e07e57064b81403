/**
 * One task of a DAG once its upstream tasks have finished: the trigger policy decides
 * whether it runs, its inputs are resolved, its condition evaluated, and it runs as a
 * container, an importer, a nested DAG or a loop. It always settles with an outcome.
 */
import { SkiffError } from '../../core/errors.js';
import type { PipelineTaskSpec } from '../ir/pipeline-spec.js';
import { evaluateCondition } from './cel-condition.js';
import { runContainerTask } from './container-task.js';
import { recordSkippedSubtree, runDag } from './dag-runner.js';
import { runImporterTask } from './importer-task.js';
import { resolveTaskInputs } from './input-resolver.js';
import { runVolumeStub, volumeMounts, volumeStub } from './kubernetes-volumes.js';
import { runLoop } from './loop-runner.js';
import { componentOf, executorOf, type RunContext, type TaskError } from './run-context.js';
import type { TaskIo } from './run-model.js';
import { taskErrorOf, type DagResults, type DagScope, type TaskOutcome } from './task-outcome.js';
import { emptyIo, type FinalState, type TrackedTask } from './task-tracker.js';
import { jobResourceName } from './job-resource-name.js';

export interface TaskNode {
  key: string;
  spec: PipelineTaskSpec;
  task: TrackedTask;
  scope: DagScope;
  upstream: readonly string[];
  results: DagResults;
}

export async function runTaskNode(ctx: RunContext, node: TaskNode): Promise<TaskOutcome> {
  const { spec, task } = node;
  try {
    if (ctx.signal.aborted) return settle(task, 'CANCELED');
    const blocker = blockingUpstream(node);
    if (blocker !== undefined) {
      recordSkippedSubtree(ctx, spec.componentRef.name, task.taskId);
      task.note(`Not run: upstream task "${blocker.key}" ended ${blocker.state}.`);
      return settle(task, 'SKIPPED');
    }
    const component = componentOf(ctx, spec.componentRef.name);
    const isLoop = spec.parameterIterator !== undefined || spec.artifactIterator !== undefined;
    const inputs = resolveTaskInputs(
      spec,
      component,
      {
        parent: node.scope.inputs,
        results: node.results,
        jobResourceName: jobResourceName(ctx.request),
      },
      { checkRequired: !isLoop },
    );
    task.update({ inputs });
    const condition = spec.triggerPolicy?.condition;
    if (
      condition !== undefined &&
      condition !== '' &&
      !evaluateCondition(condition, inputs.parameters)
    ) {
      recordSkippedSubtree(ctx, spec.componentRef.name, task.taskId);
      task.note(`Skipped: the condition \`${condition}\` is false.`);
      return settle(task, 'SKIPPED');
    }
    const path = [...node.scope.path, node.key];
    if (component.dag !== undefined) {
      if (isLoop) return await runLoop(ctx, { task, spec, component, inputs, path });
      return await runSubDag(ctx, task, component.dag, inputs, path);
    }
    const executor = executorOf(ctx, component.executorLabel ?? '');
    const leaf = { task, spec, component, inputs, path };
    if (executor.container !== undefined) {
      const stub = volumeStub(executor.container);
      if (stub !== undefined) return await runVolumeStub(ctx, leaf, stub);
      const sources = { parent: node.scope.inputs, results: node.results };
      const volumes = volumeMounts(ctx, component.executorLabel ?? '', sources);
      return await runContainerTask(ctx, { ...leaf, container: executor.container, volumes });
    }
    if (executor.importer !== undefined)
      return await runImporterTask(ctx, { ...leaf, importer: executor.importer });
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `Task "${spec.taskInfo.name}" uses a ${Object.keys(executor).join('/') || 'empty'} executor; Skiff runs container and importer executors.`,
    );
  } catch (error) {
    const failure = taskErrorOf(error);
    if (failure.code === 'CANCELLED' && ctx.signal.aborted)
      return settle(task, 'CANCELED', { error: failure });
    const message = `Task "${spec.taskInfo.name}"${where(node)} failed: ${failure.message}`;
    const taskError = { code: failure.code, message };
    ctx.firstFailure ??= taskError;
    return settle(task, 'FAILED', { error: taskError });
  }
}

async function runSubDag(
  ctx: RunContext,
  task: TrackedTask,
  dag: NonNullable<ReturnType<typeof componentOf>['dag']>,
  inputs: TaskIo,
  path: string[],
): Promise<TaskOutcome> {
  task.start();
  const outcome = await runDag(ctx, dag, { path, parentTaskId: task.taskId, inputs });
  return settle(task, outcome.state, {
    outputs: outcome.outputs,
    ...(outcome.error ? { error: outcome.error } : {}),
  });
}

/** With the default strategy every upstream task must have SUCCEEDED (KFP's ALL_UPSTREAM_TASKS_SUCCEEDED). */
function blockingUpstream(node: TaskNode): { key: string; state: string } | undefined {
  if (node.spec.triggerPolicy?.strategy === 'ALL_UPSTREAM_TASKS_COMPLETED') return undefined;
  for (const key of node.upstream) {
    const state = node.results.get(key)?.state;
    if (state !== 'SUCCEEDED') return { key, state: state ?? 'PENDING' };
  }
  return undefined;
}

export function settle(
  task: TrackedTask,
  state: FinalState,
  extra: { outputs?: TaskIo; error?: TaskError; cached?: boolean } = {},
): TaskOutcome {
  const outputs = extra.outputs ?? emptyIo();
  task.finish(state, {
    outputs,
    ...(extra.error ? { error: extra.error } : {}),
    ...(extra.cached ? { cached: true } : {}),
  });
  return { state, outputs, taskId: task.taskId, ...(extra.error ? { error: extra.error } : {}) };
}

function where(node: TaskNode): string {
  return node.scope.path.length > 0 ? ` (in ${node.scope.path.join(' › ')})` : '';
}
