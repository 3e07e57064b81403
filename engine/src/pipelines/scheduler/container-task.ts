/**
 * A container task: reuse from a previous attempt or the cache when allowed, otherwise
 * lay out its folder, build the ExecutorInput and argv, run it through the executor
 * (retrying per `retryPolicy`), collect its outputs and store them in the cache.
 */
import { mkdirSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { SkiffError, toSkiffError } from '../../core/errors.js';
import type { ContainerRunSpec, Mount } from '../../executors/container-executor.js';
import type { ComponentSpec, ContainerSpec, PipelineTaskSpec } from '../ir/pipeline-spec.js';
import { recordConsumed, recordProduced } from './artifact-lineage.js';
import { buildContainerRunSpec } from './container-run-spec.js';
import {
  buildExecutorInput,
  plannedOutputArtifacts,
  taskLayout,
  type TaskLayout,
} from './executor-input.js';
import { collectOutputs } from './output-collector.js';
import { retryPlan } from './retry-policy.js';
import type { RunContext } from './run-context.js';
import type { TaskIo } from './run-model.js';
import { reusableCacheEntry } from './task-cache-lookup.js';
import { taskFingerprint } from './task-fingerprint.js';
import type { TaskOutcome } from './task-outcome.js';
import { settle } from './task-node.js';
import type { TrackedTask } from './task-tracker.js';

export interface ContainerTask {
  task: TrackedTask;
  spec: PipelineTaskSpec;
  component: ComponentSpec;
  inputs: TaskIo;
  path: readonly string[];
  container: ContainerSpec;
  /** kfp-kubernetes `pvcMount`s. */
  volumes: Mount[];
}

export async function runContainerTask(ctx: RunContext, leaf: ContainerTask): Promise<TaskOutcome> {
  const { task } = leaf;
  recordConsumed(ctx, task.taskId, leaf.inputs);
  const previous = ctx.resume.find(leaf.path);
  if (previous !== undefined) {
    await recordProduced(ctx, task.taskId, previous.outputs);
    task.note(`Reused from the previous attempt of this run (task ${previous.taskId}).`);
    return settle(task, 'SUCCEEDED', { outputs: previous.outputs, cached: previous.cached });
  }
  const image = ctx.deps.resolveImage(leaf.container.image);
  const cacheKey = leaf.spec.cachingOptions?.cacheKey;
  const fingerprint = taskFingerprint({
    component: leaf.component,
    container: { ...leaf.container, image },
    inputs: leaf.inputs,
    ...(cacheKey === undefined ? {} : { cacheKey }),
  });
  task.update({ fingerprint });
  const caching = ctx.request.cacheEnabled && leaf.spec.cachingOptions?.enableCache === true;
  const hit = caching ? await reusableCacheEntry(ctx.deps.cache, fingerprint) : undefined;
  if (hit !== undefined) {
    task.note(
      `Cache hit: reused the outputs of task ${hit.taskId} (fingerprint ${fingerprint.slice(0, 12)}).`,
    );
    return settle(task, 'SUCCEEDED', { outputs: hit.outputs, cached: true });
  }
  const layout = taskLayout(ctx.request.pipelineRoot, leaf.path, task.taskId);
  const planned = plannedOutputArtifacts(leaf.component, layout, () => ctx.deps.ids.next());
  const executorInput = buildExecutorInput(leaf.component, leaf.inputs, planned, layout);
  const runSpec = buildContainerRunSpec(ctx, { leaf, image, executorInput, layout });
  const workspace = path.join(ctx.request.pipelineRoot, 'workspace');
  if (runSpec.argv.some((arg) => arg.includes(workspace)))
    await mkdir(workspace, { recursive: true });
  task.start();
  const outputs = await runWithRetries(ctx, leaf, runSpec, layout, async () =>
    collectOutputs(leaf.component, layout, planned),
  );
  await recordProduced(ctx, task.taskId, outputs);
  if (caching) ctx.deps.cache.store({ fingerprint, outputs, taskId: task.taskId });
  return settle(task, 'SUCCEEDED', { outputs });
}

async function runWithRetries(
  ctx: RunContext,
  leaf: ContainerTask,
  runSpec: ContainerRunSpec,
  layout: TaskLayout,
  collect: () => Promise<TaskIo>,
): Promise<TaskIo> {
  const plan = retryPlan(leaf.spec.retryPolicy);
  for (let attempt = 1; ; attempt++) {
    leaf.task.update({ attempts: attempt });
    await prepareFolders(layout, attempt);
    // Executor errors (cancelled, missing image, runtime down) do not get better by retrying.
    const exitCode = await runOnce(ctx, leaf.task, runSpec);
    let failure: SkiffError;
    if (exitCode === 0) {
      try {
        return await collect();
      } catch (error) {
        failure = toSkiffError(error);
      }
    } else {
      failure = new SkiffError(
        'FAILED_PRECONDITION',
        `the container exited with code ${exitCode}`,
        { exitCode },
      );
    }
    if (attempt > plan.maxRetries) throw withContext(failure, attempt, leaf.task);
    const delay = plan.delayMs(attempt);
    leaf.task.note(
      `Attempt ${attempt} failed (${failure.message}); retrying in ${delay / 1000}s (retry ${attempt} of ${plan.maxRetries}).`,
    );
    await ctx.deps.clock.sleep(delay, ctx.signal);
  }
}

async function runOnce(
  ctx: RunContext,
  task: TrackedTask,
  runSpec: ContainerRunSpec,
): Promise<number> {
  const release = await ctx.semaphore.acquire(ctx.signal);
  try {
    const result = await ctx.deps.executor.run(runSpec, {
      signal: ctx.signal,
      onLog: (line, stream) => task.log(line, stream),
      onStarted: (id) => task.update({ containerId: id }),
    });
    if (ctx.signal.aborted) throw new SkiffError('CANCELLED', 'The task was cancelled.');
    return result.exitCode;
  } finally {
    release();
  }
}

/**
 * A fresh task folder per attempt, so a retry never reads what a failed attempt left.
 * The task id is new, so the first attempt's folder cannot exist yet.
 */
async function prepareFolders(layout: TaskLayout, attempt: number): Promise<void> {
  if (attempt > 1) await rm(layout.taskRoot, { recursive: true, force: true });
  mkdirSync(layout.parametersDir, { recursive: true }); // microseconds: no thread-pool hop
}

function withContext(failure: SkiffError, attempts: number, task: TrackedTask): SkiffError {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const last =
    task.lastLines.length > 0 ? ` Last output: ${task.lastLines.slice(-3).join(' | ')}` : '';
  const message = failure.message.replace(/\.$/, '');
  return new SkiffError(failure.code, `${message}${tries}.${last}`, failure.details, {
    cause: failure,
  });
}
