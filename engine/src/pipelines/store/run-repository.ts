import type { ExecutorPreference } from '../../executors/executor-selection.js';
import type { SqliteDatabase } from '../../store/database.js';
import type { PipelinePackage, ProtoValue } from '../ir/pipeline-spec.js';
import type { RuntimeState } from '../scheduler/run-model.js';
import type { StorageState } from './experiment-repository.js';
import type { LabelledTable, SqlCondition } from './filter-sql.js';
import { listPage, type ListRequest, type Page } from './list-page.js';
import { RUN_SOURCE_FIELDS, type ListTable } from './list-table.js';
import { packageColumns, packageFromColumns } from './package-columns.js';

/** `runtime_config` as KFP's API has it, stored as that JSON. */
export interface RuntimeConfig {
  parameters?: Record<string, ProtoValue>;
  pipeline_root?: string;
}

export interface RunRecord {
  runId: string;
  displayName: string;
  description: string;
  experimentId?: string;
  pipelineId?: string;
  /** Set when the run was made from a stored version (and until that version is deleted). */
  pipelineVersionId?: string;
  /** The run's own copy of the spec, whatever its source. */
  package: PipelinePackage;
  runtimeConfig: RuntimeConfig;
  recurringRunId?: string;
  namespace: string;
  serviceAccount: string;
  /** Skiff extension: free-form string labels, filterable as `labels.<key>`. */
  labels: Record<string, string>;
  /** false: no task of this run reads or writes the cache. */
  cacheEnabled: boolean;
  /** The executor this run asked for; absent follows Settings → pipelines.executor. */
  executor?: ExecutorPreference;
  state: RuntimeState;
  storageState: StorageState;
  error?: { code: string; message: string };
  createdAt: string;
  scheduledAt?: string;
  startedAt?: string;
  finishedAt?: string;
}

interface RunRow {
  run_id: string;
  display_name: string;
  description: string;
  experiment_id: string | null;
  pipeline_id: string | null;
  pipeline_version_id: string | null;
  pipeline_spec: string;
  platform_spec: string | null;
  runtime_config: string;
  recurring_run_id: string | null;
  namespace: string;
  service_account: string;
  labels: string;
  cache_enabled: number;
  executor_request: ExecutorPreference | null;
  state: RuntimeState;
  storage_state: StorageState;
  error: string | null;
  created_at: string;
  scheduled_at: string | null;
  started_at: string | null;
  finished_at: string | null;
}

export const RUN_LIST: ListTable & LabelledTable = {
  name: 'runs',
  table: 'runs',
  fields: {
    run_id: { column: 'run_id', kind: 'string' },
    id: { column: 'run_id', kind: 'string' },
    ...RUN_SOURCE_FIELDS,
    recurring_run_id: { column: 'recurring_run_id', kind: 'string', nullable: true },
    state: { column: 'state', kind: 'string' },
    status: { column: 'state', kind: 'string' },
    storage_state: { column: 'storage_state', kind: 'string' },
    created_at: { column: 'created_at', kind: 'time' },
    scheduled_at: { column: 'scheduled_at', kind: 'time', nullable: true },
    finished_at: { column: 'finished_at', kind: 'time', nullable: true },
  },
  defaultSort: 'created_at',
  labelsColumn: 'labels',
};

function toRecord(row: RunRow): RunRecord {
  const pkg = packageFromColumns(row);
  const run: RunRecord = {
    runId: row.run_id,
    displayName: row.display_name,
    description: row.description,
    package: pkg,
    runtimeConfig: JSON.parse(row.runtime_config) as RuntimeConfig,
    namespace: row.namespace,
    serviceAccount: row.service_account,
    labels: JSON.parse(row.labels) as Record<string, string>,
    cacheEnabled: row.cache_enabled === 1,
    state: row.state,
    storageState: row.storage_state,
    createdAt: row.created_at,
  };
  if (row.experiment_id !== null) run.experimentId = row.experiment_id;
  if (row.pipeline_id !== null) run.pipelineId = row.pipeline_id;
  if (row.pipeline_version_id !== null) run.pipelineVersionId = row.pipeline_version_id;
  if (row.recurring_run_id !== null) run.recurringRunId = row.recurring_run_id;
  if (row.executor_request !== null) run.executor = row.executor_request;
  if (row.error !== null) run.error = parseError(row.error);
  if (row.scheduled_at !== null) run.scheduledAt = row.scheduled_at;
  if (row.started_at !== null) run.startedAt = row.started_at;
  if (row.finished_at !== null) run.finishedAt = row.finished_at;
  return run;
}

/** The launcher stores `{code, message}` JSON; plain text is kept as the message. */
function parseError(text: string): { code: string; message: string } {
  try {
    const value = JSON.parse(text) as { code?: unknown; message?: unknown };
    if (typeof value.message === 'string') {
      return {
        code: typeof value.code === 'string' ? value.code : 'INTERNAL',
        message: value.message,
      };
    }
  } catch {
    // not JSON: a plain message
  }
  return { code: 'INTERNAL', message: text };
}

export type NewRun = Omit<RunRecord, 'state' | 'storageState' | 'labels' | 'cacheEnabled'> &
  Partial<Pick<RunRecord, 'labels' | 'cacheEnabled'>>;

export interface RunScope {
  namespace?: string;
  experimentId?: string;
}

/** The API's side of the `runs` table: create, read, list, archive, delete. The launcher moves `state`. */
export class RunRepository {
  readonly #insert;
  readonly #get;
  readonly #storage;
  readonly #archiveExperiment;
  readonly #fail;
  readonly #delete;

  constructor(private readonly db: SqliteDatabase) {
    this.#insert = db.prepare(`INSERT INTO runs (run_id, display_name, description, experiment_id,
      pipeline_id, pipeline_version_id, pipeline_spec, platform_spec, runtime_config, namespace,
      service_account, labels, cache_enabled, executor_request, state, storage_state, created_at,
      scheduled_at) VALUES (@run_id, @display_name, @description, @experiment_id, @pipeline_id,
      @pipeline_version_id, @pipeline_spec, @platform_spec, @runtime_config, @namespace,
      @service_account, @labels, @cache_enabled, @executor_request, @state, @storage_state,
      @created_at, @scheduled_at)`);
    this.#get = db.prepare<[string], RunRow>('SELECT * FROM runs WHERE run_id = ?');
    this.#storage = db.prepare<[StorageState, string]>(
      'UPDATE runs SET storage_state = ? WHERE run_id = ?',
    );
    this.#archiveExperiment = db.prepare<[string]>(
      "UPDATE runs SET storage_state = 'ARCHIVED' WHERE experiment_id = ?",
    );
    this.#fail = db.prepare<[string, string, string]>(
      "UPDATE runs SET state = 'FAILED', error = ?, finished_at = ? WHERE run_id = ?",
    );
    this.#delete = db.prepare<[string]>('DELETE FROM runs WHERE run_id = ?');
  }

  /**
   * A new run, always PENDING and AVAILABLE; the launcher takes it from there. Labels
   * default to none and caching to on.
   */
  insert(run: NewRun): void {
    this.#insert.run({
      run_id: run.runId,
      display_name: run.displayName,
      description: run.description,
      experiment_id: run.experimentId ?? null,
      pipeline_id: run.pipelineId ?? null,
      pipeline_version_id: run.pipelineVersionId ?? null,
      ...packageColumns(run.package),
      runtime_config: JSON.stringify(run.runtimeConfig),
      namespace: run.namespace,
      service_account: run.serviceAccount,
      labels: JSON.stringify(run.labels ?? {}),
      cache_enabled: run.cacheEnabled === false ? 0 : 1,
      executor_request: run.executor ?? null,
      state: 'PENDING',
      storage_state: 'AVAILABLE',
      created_at: run.createdAt,
      scheduled_at: run.scheduledAt ?? null,
    });
  }

  /** The executor a run asked for at creation, for the launcher. */
  executorRequest(runId: string): ExecutorPreference | undefined {
    return this.#get.get(runId)?.executor_request ?? undefined;
  }

  get(runId: string): RunRecord | undefined {
    const row = this.#get.get(runId);
    return row ? toRecord(row) : undefined;
  }

  list(request: ListRequest, scope: RunScope = {}): Page<RunRecord> {
    const conditions: SqlCondition[] = [];
    if (scope.namespace !== undefined)
      conditions.push({ sql: 'namespace = ?', params: [scope.namespace] });
    if (scope.experimentId !== undefined) {
      conditions.push({ sql: 'experiment_id = ?', params: [scope.experimentId] });
    }
    const page = listPage<RunRow>(this.db, RUN_LIST, request, conditions);
    return { ...page, rows: page.rows.map(toRecord) };
  }

  setStorageState(runId: string, state: StorageState): boolean {
    return this.#storage.run(state, runId).changes > 0;
  }

  archiveByExperiment(experimentId: string): void {
    this.#archiveExperiment.run(experimentId);
  }

  /** For a run whose launch failed before the launcher took it over. */
  markFailed(runId: string, error: { code: string; message: string }, finishedAt: string): void {
    this.#fail.run(JSON.stringify(error), finishedAt, runId);
  }

  /** Its tasks and artifacts go with it (ON DELETE CASCADE). */
  delete(runId: string): boolean {
    return this.#delete.run(runId).changes > 0;
  }
}
