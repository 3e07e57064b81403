import type { SqliteDatabase } from '../../store/database.js';
import type { RuntimeState, TaskIo, TaskRecord } from '../scheduler/run-model.js';

interface TaskRow {
  task_id: string;
  run_id: string;
  parent_task_id: string | null;
  name: string;
  display_name: string;
  iteration_index: number | null;
  kind: TaskRecord['kind'];
  state: RuntimeState;
  cached: number;
  cache_fingerprint: string | null;
  attempts: number;
  inputs: string;
  outputs: string;
  container_id: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

function toTask(row: TaskRow): TaskRecord {
  const task: TaskRecord = {
    taskId: row.task_id,
    runId: row.run_id,
    name: row.name,
    displayName: row.display_name,
    kind: row.kind,
    state: row.state,
    cached: row.cached === 1,
    attempts: row.attempts,
    inputs: JSON.parse(row.inputs) as TaskIo,
    outputs: JSON.parse(row.outputs) as TaskIo,
    createdAt: row.created_at,
  };
  if (row.parent_task_id !== null) task.parentTaskId = row.parent_task_id;
  if (row.iteration_index !== null) task.iterationIndex = row.iteration_index;
  if (row.cache_fingerprint !== null) task.fingerprint = row.cache_fingerprint;
  if (row.container_id !== null) task.containerId = row.container_id;
  if (row.error !== null) task.error = JSON.parse(row.error) as { code: string; message: string };
  if (row.started_at !== null) task.startedAt = row.started_at;
  if (row.finished_at !== null) task.finishedAt = row.finished_at;
  return task;
}

function toRow(task: TaskRecord): TaskRow {
  return {
    task_id: task.taskId,
    run_id: task.runId,
    parent_task_id: task.parentTaskId ?? null,
    name: task.name,
    display_name: task.displayName,
    iteration_index: task.iterationIndex ?? null,
    kind: task.kind,
    state: task.state,
    cached: task.cached ? 1 : 0,
    cache_fingerprint: task.fingerprint ?? null,
    attempts: task.attempts,
    inputs: JSON.stringify(task.inputs),
    outputs: JSON.stringify(task.outputs),
    container_id: task.containerId ?? null,
    error: task.error ? JSON.stringify(task.error) : null,
    created_at: task.createdAt,
    started_at: task.startedAt ?? null,
    finished_at: task.finishedAt ?? null,
  };
}

/** The tasks of runs, as the scheduler reports them. */
export class TaskRepository {
  readonly #upsert;
  readonly #byRun;
  readonly #byId;
  readonly #deleteByRun;

  constructor(db: SqliteDatabase) {
    this.#upsert = db.prepare<
      [TaskRow]
    >(`INSERT INTO tasks (task_id, run_id, parent_task_id, name, display_name,
      iteration_index, kind, state, cached, cache_fingerprint, attempts, inputs, outputs, container_id, error,
      created_at, started_at, finished_at) VALUES (@task_id, @run_id, @parent_task_id, @name, @display_name,
      @iteration_index, @kind, @state, @cached, @cache_fingerprint, @attempts, @inputs, @outputs, @container_id,
      @error, @created_at, @started_at, @finished_at)
      ON CONFLICT (task_id) DO UPDATE SET state = excluded.state, cached = excluded.cached,
      cache_fingerprint = excluded.cache_fingerprint, attempts = excluded.attempts, inputs = excluded.inputs,
      outputs = excluded.outputs, container_id = excluded.container_id, error = excluded.error,
      started_at = excluded.started_at, finished_at = excluded.finished_at`);
    this.#byRun = db.prepare<[string], TaskRow>(
      'SELECT * FROM tasks WHERE run_id = ? ORDER BY created_at, rowid',
    );
    this.#byId = db.prepare<[string], TaskRow>('SELECT * FROM tasks WHERE task_id = ?');
    this.#deleteByRun = db.prepare<[string]>('DELETE FROM tasks WHERE run_id = ?');
  }

  save(task: TaskRecord): void {
    this.#upsert.run(toRow(task));
  }

  listByRun(runId: string): TaskRecord[] {
    return this.#byRun.all(runId).map(toTask);
  }

  /** Before a retry: the scheduler records the new attempt's tasks afresh. */
  deleteByRun(runId: string): void {
    this.#deleteByRun.run(runId);
  }

  get(taskId: string): TaskRecord | undefined {
    const row = this.#byId.get(taskId);
    return row ? toTask(row) : undefined;
  }
}
