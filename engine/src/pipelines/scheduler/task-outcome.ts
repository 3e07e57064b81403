/**
 * How a task ended, as the tasks after it in the same DAG see it, and the scope a DAG
 * runs in (its resolved inputs and where it sits in the run).
 */
import { toSkiffError } from '../../core/errors.js';
import type { TaskError } from './run-context.js';
import type { TaskIo } from './run-model.js';
import type { FinalState } from './task-tracker.js';

export interface TaskOutcome {
  state: FinalState;
  outputs: TaskIo;
  error?: TaskError;
  taskId: string;
}

export interface DagScope {
  /** Task keys from the root down to this DAG, with `iteration-<i>` for loop iterations. */
  path: readonly string[];
  parentTaskId?: string;
  /** The DAG component's inputs, defaults applied. */
  inputs: TaskIo;
}

/** Outcomes of the tasks of one DAG that have finished, by task key. */
export type DagResults = ReadonlyMap<string, TaskOutcome>;

/** Turns anything thrown while preparing or running a task into the task's error. */
export function taskErrorOf(error: unknown): TaskError {
  const failure = toSkiffError(error);
  return { code: failure.code, message: failure.message };
}
