/**
 * The TASK_FINAL_STATUS value an exit task receives (`dsl.PipelineTaskFinalStatus`):
 * `{state, pipelineJobResourceName, pipelineTaskName, error{code, message}}`, with the
 * states a KFP cluster sends (its ML Metadata execution states: COMPLETE, FAILED,
 * CANCELED) and google.rpc error codes, so exit tasks behave as they do on a cluster.
 */
import type { ProtoValue } from '../ir/pipeline-spec.js';
import type { TaskOutcome } from './task-outcome.js';

/** google.rpc.Code numbers for Skiff's error codes. */
const RPC_CODES: Record<string, number> = {
  CANCELLED: 1,
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  FAILED_PRECONDITION: 9,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
};
const UNKNOWN = 2;

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
    error.code = RPC_CODES[outcome.error.code] ?? UNKNOWN;
    error.message = outcome.error.message;
  }
  return {
    state: STATES[outcome.state],
    pipelineJobResourceName: jobResourceName,
    pipelineTaskName: taskName,
    error,
  };
}
