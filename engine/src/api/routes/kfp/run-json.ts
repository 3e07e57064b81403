import type { TaskRecord } from '../../../pipelines/scheduler/run-model.js';
import type { ExecutorPreference } from '../../../executors/executor-selection.js';
import type { RunRecord } from '../../../pipelines/store/run-repository.js';
import type { KfpRun } from './kfp-types.js';
import { packageToStruct } from './pipeline-spec-struct.js';
import { rpcStatus } from './rpc-status.js';
import { stateHistory } from './state-history.js';
import { taskDetailsJson, type ArtifactIdLookup } from './task-detail-json.js';

/**
 * Skiff's extra run fields, present only when they differ from the default (no labels,
 * caching on, executor from Settings): a run made through plain KFP answers plain KFP.
 */
export interface SkiffRunFields {
  labels?: Record<string, string>;
  enable_caching?: boolean;
  executor?: ExecutorPreference;
}

/**
 * A run as KFP answers it, plus SkiffRunFields. Its pipeline source is one of `pipeline_version_reference`
 * (made from a stored version that still exists) or `pipeline_spec` (inline, or the
 * run's own copy once its version was deleted), never both.
 */
export function runJson(
  run: RunRecord,
  details?: { tasks: readonly TaskRecord[]; lookup: ArtifactIdLookup },
): KfpRun & SkiffRunFields {
  const json: KfpRun & SkiffRunFields = {
    run_id: run.runId,
    display_name: run.displayName,
    description: run.description,
    storage_state: run.storageState,
    created_at: run.createdAt,
    state: run.state,
    state_history: stateHistory(run),
  };
  if (Object.keys(run.labels).length > 0) json.labels = run.labels;
  if (!run.cacheEnabled) json.enable_caching = false;
  if (run.executor) json.executor = run.executor;
  if (run.experimentId) json.experiment_id = run.experimentId;
  if (run.pipelineVersionId && run.pipelineId) {
    json.pipeline_version_reference = {
      pipeline_id: run.pipelineId,
      pipeline_version_id: run.pipelineVersionId,
    };
  } else {
    json.pipeline_spec = packageToStruct(run.package);
  }
  const { parameters, pipeline_root } = run.runtimeConfig;
  if ((parameters && Object.keys(parameters).length > 0) || pipeline_root) {
    json.runtime_config = {
      ...(parameters && Object.keys(parameters).length > 0 ? { parameters } : {}),
      ...(pipeline_root ? { pipeline_root } : {}),
    };
  }
  if (run.serviceAccount) json.service_account = run.serviceAccount;
  if (run.scheduledAt) json.scheduled_at = run.scheduledAt;
  if (run.finishedAt) json.finished_at = run.finishedAt;
  if (run.error) json.error = rpcStatus(run.error);
  if (run.recurringRunId) json.recurring_run_id = run.recurringRunId;
  if (details) json.run_details = { task_details: taskDetailsJson(details.tasks, details.lookup) };
  return json;
}
