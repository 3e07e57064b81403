import type { TriggerJson } from '../../../pipelines/recurring/recurring-trigger.js';
import type {
  RecurringRunMode,
  RecurringRunRecord,
} from '../../../pipelines/store/recurring-run-repository.js';
import type { KfpRun } from './kfp-types.js';
import { packageToStruct } from './pipeline-spec-struct.js';

/** v2beta1RecurringRun as KFP's API answers it. */
export interface KfpRecurringRun {
  recurring_run_id: string;
  display_name: string;
  description: string;
  pipeline_version_reference?: KfpRun['pipeline_version_reference'];
  pipeline_spec?: KfpRun['pipeline_spec'];
  runtime_config?: KfpRun['runtime_config'];
  service_account?: string;
  /** int64, which KFP's JSON writes as a string. */
  max_concurrency: string;
  trigger: TriggerJson;
  mode: RecurringRunMode;
  created_at: string;
  updated_at: string;
  status: 'ENABLED' | 'DISABLED';
  no_catchup: boolean;
  namespace: string;
  experiment_id?: string;
  /** Skiff extension: the scheduled time of the last run it triggered. */
  last_triggered_at?: string;
}

/** KFP's proto names this list field `recurringRuns` in JSON, and its SDK reads that. */
export interface KfpListRecurringRunsResponse {
  recurringRuns: KfpRecurringRun[];
  total_size: number;
  next_page_token?: string;
}

/** Like a run: `pipeline_version_reference` while its version exists, else its own spec. */
export function recurringRunJson(recurring: RecurringRunRecord): KfpRecurringRun {
  const json: KfpRecurringRun = {
    recurring_run_id: recurring.recurringRunId,
    display_name: recurring.displayName,
    description: recurring.description,
    max_concurrency: String(recurring.maxConcurrency),
    trigger: recurring.trigger,
    mode: recurring.mode,
    created_at: recurring.createdAt,
    updated_at: recurring.updatedAt,
    status: recurring.mode === 'ENABLE' ? 'ENABLED' : 'DISABLED',
    no_catchup: recurring.noCatchup,
    namespace: recurring.namespace,
  };
  if (recurring.pipelineVersionId && recurring.pipelineId) {
    json.pipeline_version_reference = {
      pipeline_id: recurring.pipelineId,
      pipeline_version_id: recurring.pipelineVersionId,
    };
  } else {
    json.pipeline_spec = packageToStruct(recurring.package);
  }
  const { parameters, pipeline_root } = recurring.runtimeConfig;
  const hasParameters = parameters !== undefined && Object.keys(parameters).length > 0;
  if (hasParameters || pipeline_root) {
    json.runtime_config = {
      ...(hasParameters ? { parameters } : {}),
      ...(pipeline_root ? { pipeline_root } : {}),
    };
  }
  if (recurring.serviceAccount) json.service_account = recurring.serviceAccount;
  if (recurring.experimentId) json.experiment_id = recurring.experimentId;
  if (recurring.lastTriggeredAt) json.last_triggered_at = recurring.lastTriggeredAt;
  return json;
}
