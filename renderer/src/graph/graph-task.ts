import type { TaskRecord } from '@skiff/engine/api-contract';
import type { KfpTaskDetail } from '../api/kfp-types';

export type GraphTaskKind = 'container' | 'importer' | 'dag' | 'loop' | 'iteration';

/** One task of a run as the graph shows it, from a KFP task detail or a task.updated event. */
export interface GraphTask {
  taskId: string;
  parentTaskId?: string;
  /** The task's key in its DAG, e.g. `train-model`; loop iterations carry the loop's key. */
  name: string;
  displayName: string;
  kind?: GraphTaskKind;
  iterationIndex?: number;
  state: string;
  cached: boolean;
  startedAt?: string;
  finishedAt?: string;
}

/** What PipelineGraph reports when a task node is chosen. */
export interface GraphSelection {
  /** The run's task, or null in a spec preview (or before the task exists). */
  taskId: string | null;
  /** The task's key in its DAG. */
  taskName: string;
  /** The task's component (`comp-train-model`), to show its spec. */
  componentName?: string;
}

export function graphTaskFromDetail(detail: KfpTaskDetail): GraphTask {
  return {
    taskId: detail.task_id,
    ...(detail.parent_task_id ? { parentTaskId: detail.parent_task_id } : {}),
    // A KFP server without Skiff's extensions: the display name is the best key we have.
    name: detail.task_name ?? detail.display_name,
    displayName: detail.display_name,
    ...(detail.kind ? { kind: detail.kind } : {}),
    ...(detail.iteration_index !== undefined ? { iterationIndex: detail.iteration_index } : {}),
    state: detail.state,
    cached: detail.cached === true,
    ...(detail.start_time ? { startedAt: detail.start_time } : {}),
    ...(detail.end_time ? { finishedAt: detail.end_time } : {}),
  };
}

export function graphTaskFromRecord(record: TaskRecord): GraphTask {
  return {
    taskId: record.taskId,
    ...(record.parentTaskId ? { parentTaskId: record.parentTaskId } : {}),
    name: record.name,
    displayName: record.displayName,
    kind: record.kind,
    ...(record.iterationIndex !== undefined ? { iterationIndex: record.iterationIndex } : {}),
    state: record.state,
    cached: record.cached,
    ...(record.startedAt ? { startedAt: record.startedAt } : {}),
    ...(record.finishedAt ? { finishedAt: record.finishedAt } : {}),
  };
}
