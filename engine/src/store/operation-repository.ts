import type { Operation, OperationFailure } from '../api/contract.js';
import type { OperationStore } from '../core/operation-store.js';
import type { SqliteDatabase } from './database.js';

interface OperationRow {
  id: string;
  kind: string;
  title: string;
  state: Operation['state'];
  progress_current: number;
  progress_total: number;
  progress_message: string;
  error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

function toOperation(row: OperationRow): Operation {
  const operation: Operation = {
    id: row.id,
    kind: row.kind,
    title: row.title,
    state: row.state,
    progress: {
      current: row.progress_current,
      total: row.progress_total,
      message: row.progress_message,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.error) operation.error = JSON.parse(row.error) as OperationFailure;
  if (row.finished_at) operation.finishedAt = row.finished_at;
  return operation;
}

function toParams(operation: Operation): Record<string, string | number | null> {
  return {
    id: operation.id,
    kind: operation.kind,
    title: operation.title,
    state: operation.state,
    progress_current: operation.progress.current,
    progress_total: operation.progress.total,
    progress_message: operation.progress.message,
    error: operation.error ? JSON.stringify(operation.error) : null,
    created_at: operation.createdAt,
    updated_at: operation.updatedAt,
    finished_at: operation.finishedAt ?? null,
  };
}

export function createOperationRepository(db: SqliteDatabase): OperationStore {
  const insert = db.prepare(`INSERT INTO operations
    (id, kind, title, state, progress_current, progress_total, progress_message, error, created_at, updated_at, finished_at)
    VALUES (@id, @kind, @title, @state, @progress_current, @progress_total, @progress_message, @error, @created_at, @updated_at, @finished_at)`);
  const update =
    db.prepare(`UPDATE operations SET state = @state, progress_current = @progress_current,
    progress_total = @progress_total, progress_message = @progress_message, error = @error,
    updated_at = @updated_at, finished_at = @finished_at WHERE id = @id`);
  const byId = db.prepare<[string], OperationRow>('SELECT * FROM operations WHERE id = ?');
  const newest = db.prepare<[number], OperationRow>(
    'SELECT * FROM operations ORDER BY created_at DESC, rowid DESC LIMIT ?',
  );
  const running = db.prepare<[], OperationRow>("SELECT * FROM operations WHERE state = 'RUNNING'");

  return {
    insert: (operation) => void insert.run(toParams(operation)),
    update: (operation) => void update.run(toParams(operation)),
    get: (id) => {
      const row = byId.get(id);
      return row ? toOperation(row) : undefined;
    },
    list: ({ limit = 100 } = {}) => newest.all(limit).map(toOperation),
    listRunning: () => running.all().map(toOperation),
  };
}
