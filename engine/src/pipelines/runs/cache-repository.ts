import type { SqliteDatabase } from '../../store/database.js';
import type { CachedExecution, TaskCache, TaskIo } from '../scheduler/run-model.js';

interface CacheRow {
  fingerprint: string;
  task_id: string;
  run_id: string;
  outputs: string;
  created_at: string;
}

export interface CacheEntrySummary {
  fingerprint: string;
  taskId: string;
  runId: string;
  createdAt: string;
}

/** The task cache: outputs of successful executions by content fingerprint. */
export class CacheRepository implements TaskCache {
  readonly #get;
  readonly #put;
  readonly #list;
  readonly #purge;
  readonly #purgeOne;

  constructor(
    db: SqliteDatabase,
    private readonly runIdOf: (taskId: string) => string | undefined,
    private readonly now: () => Date,
  ) {
    this.#get = db.prepare<[string], CacheRow>('SELECT * FROM cache_entries WHERE fingerprint = ?');
    this.#put = db.prepare(
      'INSERT OR REPLACE INTO cache_entries (fingerprint, task_id, run_id, outputs, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.#list = db.prepare<[number], CacheRow>(
      'SELECT * FROM cache_entries ORDER BY created_at DESC LIMIT ?',
    );
    this.#purge = db.prepare('DELETE FROM cache_entries');
    this.#purgeOne = db.prepare('DELETE FROM cache_entries WHERE fingerprint = ?');
  }

  lookup(fingerprint: string): CachedExecution | undefined {
    const row = this.#get.get(fingerprint);
    return row
      ? { fingerprint, taskId: row.task_id, outputs: JSON.parse(row.outputs) as TaskIo }
      : undefined;
  }

  store(entry: CachedExecution): void {
    const runId = this.runIdOf(entry.taskId) ?? '';
    this.#put.run(
      entry.fingerprint,
      entry.taskId,
      runId,
      JSON.stringify(entry.outputs),
      this.now().toISOString(),
    );
  }

  list(limit = 100): CacheEntrySummary[] {
    return this.#list.all(limit).map((r) => ({
      fingerprint: r.fingerprint,
      taskId: r.task_id,
      runId: r.run_id,
      createdAt: r.created_at,
    }));
  }

  /** Purges one entry, or all of them; returns how many were removed. */
  purge(fingerprint?: string): number {
    return fingerprint === undefined
      ? this.#purge.run().changes
      : this.#purgeOne.run(fingerprint).changes;
  }
}
