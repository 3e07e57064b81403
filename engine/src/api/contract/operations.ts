/** Long-running work (/api/v1/operations): progress, logs, failure details. */
import type { ErrorBody } from '../../core/errors.js';

export type OperationState = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface OperationProgress {
  current: number;
  total: number;
  message: string;
}

export interface OperationFailure extends ErrorBody {
  /** The step that failed, its last command and its last log lines (Rancher Desktop style). */
  step?: string;
  lastCommand?: string;
  lastLines?: string[];
}

export interface Operation {
  id: string;
  kind: string;
  title: string;
  state: OperationState;
  progress: OperationProgress;
  error?: OperationFailure;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

export interface OperationList {
  operations: Operation[];
}

export interface OperationLogs {
  id: string;
  lines: string[];
}
