/**
 * The TASK_FINAL_STATUS value an exit task receives (`dsl.PipelineTaskFinalStatus`):
 * `{state, pipelineJobResourceName, pipelineTaskName, error{code, message}}`, with the
 * states a KFP cluster sends (its ML Metadata execution states: COMPLETE, FAILED,
 * CANCELED) and google.rpc error codes, so exit tasks behave as they do on a cluster.
 */
import { grpcCode } from '../../core/errors.js';
import type { ProtoValue } from '../ir/pipeline-spec.js';
import type { TaskOutcome } from './task-outcome.js';

const STATES: Record<TaskOutcome['state'], string> = {
  SUCCEEDED: 'COMPLETE',
  FAILED: 'FAILED',
  CANCELED: 'CANCELED',
  SKIPPED: 'SKIPPED',
};

export function finalStatusOf(
  outcome: TaskOutcome,
  taskName: string,
  jobResourceName: string,
): ProtoValue {
  const error: Record<string, ProtoValue> = {};
  if (outcome.error !== undefined && outcome.state !== 'SUCCEEDED') {
    error.code = grpcCode(outcome.error.code);
    error.message = outcome.error.message;
  }
  return {
    state: STATES[outcome.state],
    pipelineJobResourceName: jobResourceName,
    pipelineTaskName: taskName,
    error,
  };
}
