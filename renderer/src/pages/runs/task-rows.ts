import type { TaskRecord } from '@skiff/engine/api-contract';
import type { KfpTaskDetail, ProtoValue } from '../../api/kfp-types';

/** One task as the run page shows it, from the KFP run or a task.updated event. */
export interface TaskRow {
  taskId: string;
  parentTaskId?: string;
  displayName: string;
  state: string;
  /** Leaf tasks run something (container or importer); DAGs and loops only group. */
  leaf: boolean;
  cached: boolean;
  startedAt?: string;
  finishedAt?: string;
  error?: string;
  inputs: Record<string, ProtoValue>;
  outputs: Record<string, ProtoValue>;
}

export function rowFromDetail(task: KfpTaskDetail): TaskRow {
  return {
    taskId: task.task_id,
    ...(task.parent_task_id ? { parentTaskId: task.parent_task_id } : {}),
    displayName: task.display_name,
    state: task.state,
    // KFP has no kind: a task without children is taken as a leaf (a DAG has children).
    leaf: (task.child_tasks ?? []).length === 0,
    cached: task.cached === true,
    ...(task.start_time ? { startedAt: task.start_time } : {}),
    ...(task.end_time ? { finishedAt: task.end_time } : {}),
    ...(task.error ? { error: task.error.message } : {}),
    inputs: task.input_parameters ?? {},
    outputs: task.output_parameters ?? {},
  };
}

export function rowFromRecord(task: TaskRecord): TaskRow {
  return {
    taskId: task.taskId,
    ...(task.parentTaskId ? { parentTaskId: task.parentTaskId } : {}),
    displayName: task.displayName,
    state: task.state,
    leaf: task.kind === 'container' || task.kind === 'importer',
    cached: task.cached,
    ...(task.startedAt ? { startedAt: task.startedAt } : {}),
    ...(task.finishedAt ? { finishedAt: task.finishedAt } : {}),
    ...(task.error ? { error: task.error.message } : {}),
    inputs: task.inputs.parameters,
    outputs: task.outputs.parameters,
  };
}

/** The rows with `row` added or replaced, in creation order. */
export function upsertRow(rows: TaskRow[], row: TaskRow): TaskRow[] {
  const index = rows.findIndex((r) => r.taskId === row.taskId);
  if (index === -1) return [...rows, row];
  return rows.map((r, i) => (i === index ? row : r));
}
