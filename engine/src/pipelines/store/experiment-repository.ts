import { SkiffError } from '../../core/errors.js';
import type { SqliteDatabase } from '../../store/database.js';
import { listPage, type ListRequest, type Page } from './list-page.js';
import type { ListTable } from './list-table.js';
import { inNamespace } from './pipeline-repository.js';
import { isUniqueViolation } from './unique-violation.js';

export type StorageState = 'AVAILABLE' | 'ARCHIVED';

export interface ExperimentRecord {
  experimentId: string;
  displayName: string;
  description: string;
  namespace: string;
  storageState: StorageState;
  createdAt: string;
  lastRunCreatedAt?: string;
}

interface ExperimentRow {
  experiment_id: string;
  display_name: string;
  description: string;
  namespace: string;
  storage_state: StorageState;
  created_at: string;
  last_run_created_at: string | null;
}

export const EXPERIMENT_LIST: ListTable = {
  name: 'experiments',
  table: 'experiments',
  fields: {
    experiment_id: { column: 'experiment_id', kind: 'string' },
    id: { column: 'experiment_id', kind: 'string' },
    display_name: { column: 'display_name', kind: 'string' },
    name: { column: 'display_name', kind: 'string' },
    description: { column: 'description', kind: 'string' },
    namespace: { column: 'namespace', kind: 'string' },
    storage_state: { column: 'storage_state', kind: 'string' },
    created_at: { column: 'created_at', kind: 'time' },
    last_run_created_at: { column: 'last_run_created_at', kind: 'time', nullable: true },
  },
  defaultSort: 'created_at',
};

function toRecord(row: ExperimentRow): ExperimentRecord {
  const record: ExperimentRecord = {
    experimentId: row.experiment_id,
    displayName: row.display_name,
    description: row.description,
    namespace: row.namespace,
    storageState: row.storage_state,
    createdAt: row.created_at,
  };
  if (row.last_run_created_at !== null) record.lastRunCreatedAt = row.last_run_created_at;
  return record;
}

/** The `experiments` table. Display names are unique per namespace. */
export class ExperimentRepository {
  readonly #insert;
  readonly #get;
  readonly #byName;
  readonly #storage;
  readonly #lastRun;
  readonly #delete;

  constructor(private readonly db: SqliteDatabase) {
    this.#insert = db.prepare(`INSERT INTO experiments
      (experiment_id, display_name, description, namespace, storage_state, created_at, last_run_created_at)
      VALUES (@experiment_id, @display_name, @description, @namespace, @storage_state, @created_at, @last_run_created_at)`);
    this.#get = db.prepare<[string], ExperimentRow>(
      'SELECT * FROM experiments WHERE experiment_id = ?',
    );
    this.#byName = db.prepare<[string, string], ExperimentRow>(
      'SELECT * FROM experiments WHERE namespace = ? AND display_name = ?',
    );
    this.#storage = db.prepare<[StorageState, string]>(
      'UPDATE experiments SET storage_state = ? WHERE experiment_id = ?',
    );
    this.#lastRun = db.prepare<[string, string]>(
      'UPDATE experiments SET last_run_created_at = ? WHERE experiment_id = ?',
    );
    this.#delete = db.prepare<[string]>('DELETE FROM experiments WHERE experiment_id = ?');
  }

  insert(experiment: ExperimentRecord): void {
    try {
      this.#insert.run({
        experiment_id: experiment.experimentId,
        display_name: experiment.displayName,
        description: experiment.description,
        namespace: experiment.namespace,
        storage_state: experiment.storageState,
        created_at: experiment.createdAt,
        last_run_created_at: experiment.lastRunCreatedAt ?? null,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = this.#byName.get(experiment.namespace, experiment.displayName);
      throw new SkiffError(
        'ALREADY_EXISTS',
        `An experiment named "${experiment.displayName}" already exists${inNamespace(experiment.namespace)} (id ${existing?.experiment_id ?? '?'}). Use it, or choose another name.`,
        { displayName: experiment.displayName, namespace: experiment.namespace },
        { cause: error },
      );
    }
  }

  get(experimentId: string): ExperimentRecord | undefined {
    const row = this.#get.get(experimentId);
    return row ? toRecord(row) : undefined;
  }

  findByName(namespace: string, displayName: string): ExperimentRecord | undefined {
    const row = this.#byName.get(namespace, displayName);
    return row ? toRecord(row) : undefined;
  }

  /** `namespace` undefined lists every namespace. */
  list(request: ListRequest, namespace?: string): Page<ExperimentRecord> {
    const scope = namespace === undefined ? [] : [{ sql: 'namespace = ?', params: [namespace] }];
    const page = listPage<ExperimentRow>(this.db, EXPERIMENT_LIST, request, scope);
    return { ...page, rows: page.rows.map(toRecord) };
  }

  setStorageState(experimentId: string, state: StorageState): boolean {
    return this.#storage.run(state, experimentId).changes > 0;
  }

  touchLastRun(experimentId: string, createdAt: string): void {
    this.#lastRun.run(createdAt, experimentId);
  }

  /** Its runs stay, without an experiment (runs.experiment_id → NULL). */
  delete(experimentId: string): boolean {
    return this.#delete.run(experimentId).changes > 0;
  }
}
