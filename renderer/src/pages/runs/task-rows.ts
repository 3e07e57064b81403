import type { TaskRecord } from '@skiff/engine/api-contract';
import type { KfpTaskDetail, ProtoValue } from '../../api/kfp-types';
import { runStateLabel } from './run-state';

export type TaskKind = 'container' | 'importer' | 'dag' | 'loop' | 'iteration';

/** One task as the run page shows it, from the KFP run or a task.updated event. */
export interface TaskRow {
  taskId: string;
  parentTaskId?: string;
  displayName: string;
  kind?: TaskKind;
  iterationIndex?: number;
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
  const kind = task.kind;
  return {
    taskId: task.task_id,
    ...(task.parent_task_id ? { parentTaskId: task.parent_task_id } : {}),
    displayName: task.display_name,
    ...(kind ? { kind } : {}),
    ...(task.iteration_index !== undefined ? { iterationIndex: task.iteration_index } : {}),
    state: task.state,
    // Without Skiff's `kind`, a task without children is taken as a leaf (a DAG has children).
    leaf: kind
      ? kind === 'container' || kind === 'importer'
      : (task.child_tasks ?? []).length === 0,
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
    kind: task.kind,
    ...(task.iterationIndex !== undefined ? { iterationIndex: task.iterationIndex } : {}),
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

/** The items with `item` added or replaced (by taskId), in creation order. */
export function upsertRow<T extends { taskId: string }>(rows: T[], row: T): T[] {
  const index = rows.findIndex((r) => r.taskId === row.taskId);
  if (index === -1) return [...rows, row];
  return rows.map((r, i) => (i === index ? row : r));
}

/** A row of the task list: indented under its visible group, with a group's counts. */
export interface ListRow {
  row: TaskRow;
  depth: number;
  /** The name with the loop iterations it ran in, as the engine names it: `train #2`, `train #0.2`. */
  label: string;
  /** For loops: "3 iterations · 2 succeeded · 1 running". */
  summary?: string;
}

/** "2 succeeded · 1 running" for the states of some tasks, most frequent first. */
export function stateCounts(rows: TaskRow[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([state, n]) => `${n} ${runStateLabel(state).toLowerCase()}`)
    .join(' · ');
}

/**
 * The tasks as a tree in list form. Without `showGroups` only leaves and loops (with their
 * iteration counts) appear; the run's root DAG never does, it is the run itself.
 */
export function taskListRows(rows: TaskRow[], showGroups: boolean): ListRow[] {
  const ids = new Set(rows.map((r) => r.taskId));
  const children = new Map<string | undefined, TaskRow[]>();
  for (const r of rows) {
    const parent = r.parentTaskId && ids.has(r.parentTaskId) ? r.parentTaskId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: ListRow[] = [];
  const walk = (parent: string | undefined, depth: number, indices: number[]): void => {
    for (const r of children.get(parent) ?? []) {
      const isRoot = parent === undefined && r.kind === 'dag';
      const isLoop = r.kind === 'loop';
      const visible = !isRoot && (showGroups || r.leaf || isLoop);
      const inner =
        r.kind === 'iteration' && r.iterationIndex !== undefined
          ? [...indices, r.iterationIndex]
          : indices;
      if (visible) {
        const kids = children.get(r.taskId) ?? [];
        const at = indices.length > 0 && r.kind !== 'iteration' ? ` #${indices.join('.')}` : '';
        out.push({
          row: r,
          depth,
          label: `${r.displayName}${at}`,
          ...(isLoop ? { summary: `${kids.length} iterations · ${stateCounts(kids)}` } : {}),
        });
      }
      walk(r.taskId, visible ? depth + 1 : depth, inner);
    }
  };
  walk(undefined, 0, []);
  return out;
}
