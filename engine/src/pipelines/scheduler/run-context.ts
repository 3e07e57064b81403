/**
 * What every part of one run's execution shares: the request, the ports, the abort
 * signal, the container-slot semaphore, the task records and the first failure.
 */
import { SkiffError } from '../../core/errors.js';
import type { Clock, IdGenerator, Logger } from '../../core/ports.js';
import type { ContainerExecutor } from '../../executors/container-executor.js';
import type { ComponentSpec, ExecutorSpec } from '../ir/pipeline-spec.js';
import type { ResumeIndex } from './resume-index.js';
import type { RunRecorder, RunRequest, TaskCache } from './run-model.js';
import type { TaskSemaphore } from './task-semaphore.js';
import type { TaskTracker } from './task-tracker.js';

export interface SchedulerDeps {
  executor: ContainerExecutor;
  /** Settings → Images mapping. */
  resolveImage(image: string): string;
  cache: TaskCache;
  recorder: RunRecorder;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  /** Mounted read-only at the same path in containers; PYTHONPATH points at it. */
  pythonRuntimeDir: string;
}

export interface TaskError {
  code: string;
  message: string;
}

export interface RunContext {
  request: RunRequest;
  deps: SchedulerDeps;
  signal: AbortSignal;
  semaphore: TaskSemaphore;
  tracker: TaskTracker;
  resume: ResumeIndex;
  /** The first leaf task failure of the run, for the run's error. */
  firstFailure?: TaskError;
}

export function componentOf(ctx: RunContext, name: string): ComponentSpec {
  const component = ctx.request.spec.components?.[name];
  if (component === undefined) throw missingFromSpec(`component "${name}"`, 'components');
  return component;
}

export function executorOf(ctx: RunContext, label: string): ExecutorSpec {
  const executor = ctx.request.spec.deploymentSpec?.executors?.[label];
  if (executor === undefined)
    throw missingFromSpec(`executor "${label}"`, 'deploymentSpec.executors');
  return executor;
}

function missingFromSpec(what: string, section: string): SkiffError {
  return new SkiffError(
    'INVALID_ARGUMENT',
    `The pipeline spec has no ${what} in ${section}; recompile the pipeline.`,
  );
}
