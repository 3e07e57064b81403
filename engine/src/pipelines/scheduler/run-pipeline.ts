/**
 * The DAG scheduler's entry point: runs one KFP v2 pipeline (PipelineSpec IR) on this
 * machine, reporting every task through the RunRecorder, and resolves with the run's
 * outcome. It never rejects: a bad parameter, a spec problem or a task failure is a
 * FAILED outcome with an error naming what went wrong.
 */
import { mkdir } from 'node:fs/promises';
import { runDag } from './dag-runner.js';
import { resolvePipelineParameters } from './pipeline-parameters.js';
import { ResumeIndex } from './resume-index.js';
import type { RunContext, SchedulerDeps } from './run-context.js';
import type { RunOutcome, RunRequest } from './run-model.js';
import { taskErrorOf } from './task-outcome.js';
import { TaskSemaphore } from './task-semaphore.js';
import { emptyIo, TaskTracker } from './task-tracker.js';

export type { SchedulerDeps } from './run-context.js';

export async function runPipeline(
  request: RunRequest,
  deps: SchedulerDeps,
  signal: AbortSignal,
): Promise<RunOutcome> {
  const logger = deps.logger.child({ runId: request.runId });
  try {
    const parameters = resolvePipelineParameters(
      request.spec.root.inputDefinitions,
      request.parameters,
    );
    const dag = request.spec.root.dag;
    if (dag === undefined) {
      return failed(
        'INVALID_ARGUMENT',
        'The pipeline spec has no root DAG (root.dag); recompile the pipeline.',
      );
    }
    await mkdir(request.pipelineRoot, { recursive: true });
    const ctx: RunContext = {
      request,
      deps,
      signal,
      semaphore: new TaskSemaphore(request.concurrency),
      tracker: new TaskTracker(request.runId, deps.recorder, deps.clock, deps.ids),
      resume: new ResumeIndex(request.resumeFrom),
    };
    logger.log(
      'info',
      `Run ${request.runId} started: pipeline "${request.spec.pipelineInfo.name}".`,
    );
    const outcome = await runDag(ctx, dag, { path: [], inputs: { parameters, artifacts: {} } });
    logger.log('info', `Run ${request.runId} ended ${outcome.state}.`);
    if (outcome.state === 'SUCCEEDED') return { state: 'SUCCEEDED', outputs: outcome.outputs };
    if (outcome.state === 'CANCELED') {
      return {
        state: 'CANCELED',
        error: { code: 'CANCELLED', message: outcome.error?.message ?? 'The run was cancelled.' },
        outputs: outcome.outputs,
      };
    }
    const error = ctx.firstFailure ??
      outcome.error ?? { code: 'INTERNAL', message: 'A task failed.' };
    return { state: 'FAILED', error, outputs: outcome.outputs };
  } catch (error) {
    const failure = taskErrorOf(error);
    logger.log(
      'warn',
      `Run ${request.runId} failed before or outside its tasks: ${failure.message}`,
    );
    return { state: signal.aborted ? 'CANCELED' : 'FAILED', error: failure, outputs: emptyIo() };
  }
}

function failed(code: string, message: string): RunOutcome {
  return { state: 'FAILED', error: { code, message }, outputs: emptyIo() };
}
