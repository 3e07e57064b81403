import { createRequest, type ApiClientOptions } from './http-request';
import { KFP_BASE, queryString } from './kfp-client';
import type { KfpPage, ListOptions, PipelineSpec, ProtoValue } from './kfp-types';

export interface CronSchedule {
  cron: string;
  start_time?: string;
  end_time?: string;
}

export interface PeriodicSchedule {
  /** int64 as a decimal string, as KFP's JSON has it. */
  interval_second: string;
  start_time?: string;
  end_time?: string;
}

export interface Trigger {
  cron_schedule?: CronSchedule;
  periodic_schedule?: PeriodicSchedule;
}

export type RecurringRunMode = 'ENABLE' | 'DISABLE';
export type RecurringRunStatus = 'ENABLED' | 'DISABLED' | 'STATUS_UNSPECIFIED';

/** Where a run's pipeline comes from: a stored version or an inline spec. */
export interface PipelineSource {
  pipeline_version_reference?: { pipeline_id: string; pipeline_version_id: string };
  pipeline_spec?: PipelineSpec;
}

export interface CreateRecurringRunRequest extends PipelineSource {
  display_name: string;
  description?: string;
  experiment_id?: string;
  runtime_config: { parameters: Record<string, ProtoValue> };
  trigger: Trigger;
  max_concurrency: string;
  no_catchup: boolean;
  mode: RecurringRunMode;
  /** Skiff extensions, passed on to each run it triggers. */
  labels?: Record<string, string>;
  enable_caching?: boolean;
  executor?: string;
}

/** A recurring run as KFP v2beta1 answers it. */
export interface KfpRecurringRun extends PipelineSource {
  recurring_run_id: string;
  display_name: string;
  description?: string;
  experiment_id?: string;
  runtime_config?: { parameters?: Record<string, ProtoValue> };
  trigger?: Trigger;
  max_concurrency?: string;
  no_catchup?: boolean;
  mode?: RecurringRunMode;
  status?: RecurringRunStatus;
  created_at?: string;
  updated_at?: string;
  /** Skiff extensions, shown when the engine sends them. */
  last_triggered_at?: string;
  next_trigger_at?: string;
}

export interface ListRecurringRunsOptions extends ListOptions {
  experiment_id?: string;
}

/** KFP names the list `recurringRuns` (its proto JSON name); accept the snake_case form too. */
type RecurringRunList = { recurringRuns?: KfpRecurringRun[]; recurring_runs?: KfpRecurringRun[] };

const seg = encodeURIComponent;

/** KFP's RecurringRunService: create, list, get, delete, enable, disable. */
export function createKfpRecurringRunsClient(options: ApiClientOptions = {}) {
  const base = createRequest(options);
  const request = <T>(method: string, path: string, body?: unknown): Promise<T> =>
    base<T>(method, `${KFP_BASE}${path}`, body === undefined ? {} : { body });

  return {
    list: async (opts: ListRecurringRunsOptions = {}) => {
      const answer = await request<RecurringRunList & KfpPage>(
        'GET',
        `/recurringruns${queryString(opts)}`,
      );
      return {
        recurringRuns: answer.recurringRuns ?? answer.recurring_runs ?? [],
        next_page_token: answer.next_page_token,
        total_size: answer.total_size,
      };
    },
    get: (id: string) => request<KfpRecurringRun>('GET', `/recurringruns/${seg(id)}`),
    create: (body: CreateRecurringRunRequest) =>
      request<KfpRecurringRun>('POST', '/recurringruns', body),
    remove: async (id: string): Promise<void> => {
      await request<unknown>('DELETE', `/recurringruns/${seg(id)}`);
    },
    enable: async (id: string): Promise<void> => {
      await request<unknown>('POST', `/recurringruns/${seg(id)}:enable`);
    },
    disable: async (id: string): Promise<void> => {
      await request<unknown>('POST', `/recurringruns/${seg(id)}:disable`);
    },
  };
}

export type KfpRecurringRunsClient = ReturnType<typeof createKfpRecurringRunsClient>;

/** A KFP filter for the runs one recurring run triggered, for `filter=`. */
export function recurringRunFilter(recurringRunId: string): string {
  return JSON.stringify({
    predicates: [{ key: 'recurring_run_id', operation: 'EQUALS', string_value: recurringRunId }],
  });
}

/** The app's instance; the session module is imported lazily (see kfp-experiments.ts). */
export const kfpRecurringRuns = createKfpRecurringRunsClient({
  onUnauthorized: () => {
    void import('../state/session.svelte').then(({ session }) => session.expire());
  },
});
