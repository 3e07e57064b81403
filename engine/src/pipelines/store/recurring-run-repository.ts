import type { SqliteDatabase } from '../../store/database.js';
import type { PipelinePackage } from '../ir/pipeline-spec.js';
import type { TriggerJson } from '../recurring/recurring-trigger.js';
import type { SqlCondition } from './filter-sql.js';
import { listPage, type ListRequest, type Page } from './list-page.js';
import { RUN_SOURCE_FIELDS, type ListTable } from './list-table.js';
import type { RuntimeConfig } from './run-repository.js';
import { packageColumns, packageFromColumns } from './package-columns.js';

export type RecurringRunMode = 'ENABLE' | 'DISABLE';

export interface RecurringRunRecord {
  recurringRunId: string;
  displayName: string;
  description: string;
  experimentId?: string;
  pipelineId?: string;
  /** Set when made from a stored version (and until that version is deleted). */
  pipelineVersionId?: string;
  /** The copy every triggered run gets, whatever the source. */
  package: PipelinePackage;
  runtimeConfig: RuntimeConfig;
  serviceAccount: string;
  trigger: TriggerJson;
  maxConcurrency: number;
  noCatchup: boolean;
  mode: RecurringRunMode;
  namespace: string;
  createdAt: string;
  updatedAt: string;
  /** The scheduled time of the last run it triggered. */
  lastTriggeredAt?: string;
}

interface RecurringRunRow {
  recurring_run_id: string;
  display_name: string;
  description: string;
  experiment_id: string | null;
  pipeline_id: string | null;
  pipeline_version_id: string | null;
  pipeline_spec: string;
  platform_spec: string | null;
  runtime_config: string;
  service_account: string;
  trigger: string;
  max_concurrency: number;
  no_catchup: number;
  mode: RecurringRunMode;
  namespace: string;
  created_at: string;
  updated_at: string;
  last_triggered_at: string | null;
}

export const RECURRING_RUN_LIST: ListTable = {
  name: 'recurring runs',
  table: 'recurring_runs',
  fields: {
    recurring_run_id: { column: 'recurring_run_id', kind: 'string' },
    id: { column: 'recurring_run_id', kind: 'string' },
    ...RUN_SOURCE_FIELDS,
    mode: { column: 'mode', kind: 'string' },
    created_at: { column: 'created_at', kind: 'time' },
    updated_at: { column: 'updated_at', kind: 'time' },
  },
  defaultSort: 'created_at',
};

// A run counts against max_concurrency until it reaches a final state.
const ACTIVE_STATES = "('PENDING', 'RUNNING', 'CANCELING', 'PAUSED')";

function toRecord(row: RecurringRunRow): RecurringRunRecord {
  const pkg = packageFromColumns(row);
  const record: RecurringRunRecord = {
    recurringRunId: row.recurring_run_id,
    displayName: row.display_name,
    description: row.description,
    package: pkg,
    runtimeConfig: JSON.parse(row.runtime_config) as RuntimeConfig,
    serviceAccount: row.service_account,
    trigger: JSON.parse(row.trigger) as TriggerJson,
    maxConcurrency: row.max_concurrency,
    noCatchup: row.no_catchup === 1,
    mode: row.mode,
    namespace: row.namespace,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.experiment_id !== null) record.experimentId = row.experiment_id;
  if (row.pipeline_id !== null) record.pipelineId = row.pipeline_id;
  if (row.pipeline_version_id !== null) record.pipelineVersionId = row.pipeline_version_id;
  if (row.last_triggered_at !== null) record.lastTriggeredAt = row.last_triggered_at;
  return record;
}

/** The `recurring_runs` table, and the link from the runs each one triggered. */
export class RecurringRunRepository {
  readonly #insert;
  readonly #get;
  readonly #enabled;
  readonly #mode;
  readonly #delete;
  readonly #active;
  readonly #triggered;
  readonly #linkRun;

  constructor(private readonly db: SqliteDatabase) {
    this.#insert = db.prepare(`INSERT INTO recurring_runs (recurring_run_id, display_name,
      description, experiment_id, pipeline_id, pipeline_version_id, pipeline_spec, platform_spec,
      runtime_config, service_account, trigger, max_concurrency, no_catchup, mode, namespace,
      created_at, updated_at) VALUES (@recurring_run_id, @display_name, @description,
      @experiment_id, @pipeline_id, @pipeline_version_id, @pipeline_spec, @platform_spec,
      @runtime_config, @service_account, @trigger, @max_concurrency, @no_catchup, @mode,
      @namespace, @created_at, @updated_at)`);
    this.#get = db.prepare<[string], RecurringRunRow>(
      'SELECT * FROM recurring_runs WHERE recurring_run_id = ?',
    );
    this.#enabled = db.prepare<[], RecurringRunRow>(
      "SELECT * FROM recurring_runs WHERE mode = 'ENABLE' ORDER BY created_at",
    );
    this.#mode = db.prepare<[RecurringRunMode, string, string]>(
      'UPDATE recurring_runs SET mode = ?, updated_at = ? WHERE recurring_run_id = ?',
    );
    this.#delete = db.prepare<[string]>('DELETE FROM recurring_runs WHERE recurring_run_id = ?');
    this.#active = db
      .prepare<[string], number>(
        `SELECT COUNT(*) FROM runs WHERE recurring_run_id = ? AND state IN ${ACTIVE_STATES}`,
      )
      .pluck();
    this.#triggered = db.prepare<[string, string]>(
      'UPDATE recurring_runs SET last_triggered_at = ? WHERE recurring_run_id = ?',
    );
    this.#linkRun = db.prepare<[string, string]>(
      'UPDATE runs SET recurring_run_id = ? WHERE run_id = ?',
    );
  }

  insert(run: Omit<RecurringRunRecord, 'lastTriggeredAt'>): void {
    this.#insert.run({
      recurring_run_id: run.recurringRunId,
      display_name: run.displayName,
      description: run.description,
      experiment_id: run.experimentId ?? null,
      pipeline_id: run.pipelineId ?? null,
      pipeline_version_id: run.pipelineVersionId ?? null,
      ...packageColumns(run.package),
      runtime_config: JSON.stringify(run.runtimeConfig),
      service_account: run.serviceAccount,
      trigger: JSON.stringify(run.trigger),
      max_concurrency: run.maxConcurrency,
      no_catchup: run.noCatchup ? 1 : 0,
      mode: run.mode,
      namespace: run.namespace,
      created_at: run.createdAt,
      updated_at: run.updatedAt,
    });
  }

  get(recurringRunId: string): RecurringRunRecord | undefined {
    const row = this.#get.get(recurringRunId);
    return row ? toRecord(row) : undefined;
  }

  list(
    request: ListRequest,
    scope: { namespace?: string; experimentId?: string } = {},
  ): Page<RecurringRunRecord> {
    const conditions: SqlCondition[] = [];
    if (scope.namespace !== undefined) {
      conditions.push({ sql: 'namespace = ?', params: [scope.namespace] });
    }
    if (scope.experimentId !== undefined) {
      conditions.push({ sql: 'experiment_id = ?', params: [scope.experimentId] });
    }
    const page = listPage<RecurringRunRow>(this.db, RECURRING_RUN_LIST, request, conditions);
    return { ...page, rows: page.rows.map(toRecord) };
  }

  /** What the scheduler looks at: every enabled recurring run, oldest first. */
  listEnabled(): RecurringRunRecord[] {
    return this.#enabled.all().map(toRecord);
  }

  setMode(recurringRunId: string, mode: RecurringRunMode, updatedAt: string): boolean {
    return this.#mode.run(mode, updatedAt, recurringRunId).changes > 0;
  }

  /** Its runs stay, unlinked (runs.recurring_run_id → NULL). */
  delete(recurringRunId: string): boolean {
    return this.#delete.run(recurringRunId).changes > 0;
  }

  /** Its runs that have not finished yet (PENDING, RUNNING, CANCELING, PAUSED). */
  activeRunCount(recurringRunId: string): number {
    return this.#active.get(recurringRunId) ?? 0;
  }

  /** Links a stored run to the recurring run that triggered it for `scheduledAt`. */
  recordTrigger(recurringRunId: string, runId: string, scheduledAt: string): void {
    this.#linkRun.run(recurringRunId, runId);
    this.#triggered.run(scheduledAt, recurringRunId);
  }
}
