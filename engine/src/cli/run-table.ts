/**
 * Tables of runs and tasks as the CLI prints them. Tasks come from two places with one
 * shape here: the engine's `task.updated` events (TaskRecord) and KFP's task_details.
 */
import type { TaskRecord } from '../pipelines/scheduler/run-model.js';
import type { KfpPipelineTaskDetail, KfpRun, KfpRuntimeState } from './kfp-types.js';

export interface TaskRow {
  taskId: string;
  /** What the table shows (taskInfo.name, plus the loop index). */
  displayName: string;
  name?: string;
  parentTaskId?: string;
  kind?: TaskRecord['kind'];
  state: KfpRuntimeState;
  cached: boolean;
  attempts?: number;
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
  error?: { message?: string };
}

export function rowFromRecord(task: TaskRecord): TaskRow {
  const row: TaskRow = {
    taskId: task.taskId,
    displayName:
      task.iterationIndex !== undefined && task.kind === 'iteration'
        ? `${task.displayName}[${task.iterationIndex}]`
        : task.displayName,
    name: task.name,
    kind: task.kind,
    state: task.state,
    cached: task.cached,
    attempts: task.attempts,
    createdAt: task.createdAt,
  };
  if (task.parentTaskId !== undefined) row.parentTaskId = task.parentTaskId;
  if (task.startedAt !== undefined) row.startedAt = task.startedAt;
  if (task.finishedAt !== undefined) row.finishedAt = task.finishedAt;
  if (task.error !== undefined) row.error = task.error;
  return row;
}

/** KFP has no "cached" flag; its docs give SKIPPED as the state of a cached task. */
export function rowFromDetail(detail: KfpPipelineTaskDetail): TaskRow {
  const extra = detail as KfpPipelineTaskDetail & { cached?: unknown };
  const row: TaskRow = {
    taskId: detail.task_id,
    displayName: detail.display_name ?? detail.task_id,
    state: detail.state ?? 'RUNTIME_STATE_UNSPECIFIED',
    cached: extra.cached === true,
  };
  if (detail.parent_task_id) row.parentTaskId = detail.parent_task_id;
  if (detail.create_time) row.createdAt = detail.create_time;
  if (detail.start_time) row.startedAt = detail.start_time;
  if (detail.end_time) row.finishedAt = detail.end_time;
  if (detail.error?.message) row.error = { message: detail.error.message };
  return row;
}

export const TERMINAL_STATES: ReadonlySet<string> = new Set([
  'SUCCEEDED',
  'FAILED',
  'CANCELED',
  'SKIPPED',
]);

export function isTerminal(state: string | undefined): boolean {
  return state !== undefined && TERMINAL_STATES.has(state);
}

/**
 * The tasks worth a line, in tree order (children under their parent, indented). Skiff
 * has no task for the pipeline's root DAG; a KFP cluster reports one, named `root`, which
 * is the run itself and is left out.
 */
export function visibleTasks(rows: Iterable<TaskRow>): Array<{ row: TaskRow; depth: number }> {
  const all = [...rows];
  const ids = new Set(all.map((row) => row.taskId));
  const roots = all.filter((row) => row.parentTaskId === undefined || !ids.has(row.parentTaskId));
  const hidden = new Set(
    roots.length === 1 && roots[0] !== undefined && isRootDag(roots[0]) ? [roots[0].taskId] : [],
  );
  const children = new Map<string | undefined, TaskRow[]>();
  for (const row of all) {
    const parent =
      row.parentTaskId !== undefined && ids.has(row.parentTaskId) ? row.parentTaskId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const out: Array<{ row: TaskRow; depth: number }> = [];
  const walk = (parent: string | undefined, depth: number): void => {
    for (const row of [...(children.get(parent) ?? [])].sort(byStart)) {
      const shown = !hidden.has(row.taskId);
      if (shown) out.push({ row, depth });
      walk(row.taskId, shown ? depth + 1 : depth);
    }
  };
  walk(undefined, 0);
  return out;
}

function isRootDag(row: TaskRow): boolean {
  return row.displayName === 'root' && (row.kind === undefined || row.kind === 'dag');
}

function byStart(a: TaskRow, b: TaskRow): number {
  const key = (row: TaskRow): string => row.startedAt ?? row.createdAt ?? '\uffff';
  return key(a).localeCompare(key(b)) || a.displayName.localeCompare(b.displayName);
}

export function taskCells(row: TaskRow, depth: number, now: Date): string[] {
  return [
    `${'  '.repeat(depth)}${row.displayName}`,
    row.state,
    taskDuration(row, now),
    row.cached ? '✓' : '',
  ];
}

export function formatTaskTable(rows: Iterable<TaskRow>, now: Date): string[] {
  const visible = visibleTasks(rows);
  if (visible.length === 0) return ['No tasks yet.'];
  return formatTable(
    ['TASK', 'STATE', 'DURATION', 'CACHED'],
    visible.map(({ row, depth }) => taskCells(row, depth, now)),
  );
}

export function formatRunTable(runs: readonly KfpRun[], now: Date): string[] {
  return formatTable(
    ['RUN ID', 'NAME', 'STATE', 'CREATED', 'DURATION'],
    runs.map((run) => [
      run.run_id,
      run.display_name ?? '',
      run.state ?? '',
      formatTime(run.created_at),
      run.created_at ? formatElapsed(run.created_at, run.finished_at, now) : '',
    ]),
  );
}

/** Aligned columns, two spaces apart; the last column is not padded. */
export function formatTable(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((title, i) =>
    Math.max(width(title), ...rows.map((row) => width(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - width(cell)),
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function taskDuration(row: TaskRow, now: Date): string {
  if (row.startedAt === undefined) return '';
  return formatElapsed(row.startedAt, row.finishedAt, now);
}

export function formatElapsed(from: string, to: string | undefined, now: Date): string {
  const start = Date.parse(from);
  const end = to !== undefined && to !== '' ? Date.parse(to) : now.getTime();
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return '';
  return formatSpan(end - start);
}

/** `0.4s`, `12s`, `3m 05s`, `2h 10m`. */
export function formatSpan(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  const whole = Math.floor(seconds);
  if (whole < 60) return `${whole}s`;
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m ${String(s).padStart(2, '0')}s`;
}

/** `2025-01-31 14:05` in local time. */
export function formatTime(iso: string | undefined): string {
  if (iso === undefined || iso === '') return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()) || date.getTime() <= 0) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Display width: ✓ and the other symbols used here are one UTF-16 unit and one cell. */
function width(text: string): number {
  return text.length;
}
