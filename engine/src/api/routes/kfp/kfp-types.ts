/**
 * The KFP v2beta1 JSON shapes Skiff answers with (swagger names: snake_case, RFC 3339
 * times, enums as strings). Only what Skiff fills in is listed; see docs/kfp-api.md.
 */
import type { ProtoValue } from '../../../pipelines/ir/pipeline-spec.js';
import type { RuntimeState } from '../../../pipelines/scheduler/run-model.js';

export type KfpStorageState = 'AVAILABLE' | 'ARCHIVED';

/** googleRpcStatus: `code` is the gRPC code number. */
export interface KfpRpcStatus {
  code: number;
  message: string;
  details: unknown[];
}

export interface KfpPipeline {
  pipeline_id: string;
  name: string;
  display_name: string;
  description: string;
  created_at: string;
  namespace: string;
  tags?: Record<string, string>;
}

/** A PipelineSpec, or `{pipeline_spec, platform_spec}` when the pipeline has a platform spec. */
export type KfpPipelineSpecStruct = Record<string, unknown>;

export interface KfpPipelineVersion {
  pipeline_id: string;
  pipeline_version_id: string;
  name: string;
  display_name: string;
  description: string;
  created_at: string;
  package_url?: { pipeline_url: string };
  code_source_url?: string;
  pipeline_spec: KfpPipelineSpecStruct;
  tags?: Record<string, string>;
}

export interface KfpExperiment {
  experiment_id: string;
  display_name: string;
  description: string;
  created_at: string;
  namespace: string;
  storage_state: KfpStorageState;
  last_run_created_at?: string;
}

export interface KfpRuntimeStatus {
  update_time?: string;
  state: RuntimeState;
  error?: KfpRpcStatus;
}

export interface KfpArtifactList {
  /** MLMD-style int64 ids: Skiff's artifact rowids, as decimal strings. */
  artifact_ids: string[];
}

export interface KfpTaskDetail {
  run_id: string;
  task_id: string;
  display_name: string;
  create_time: string;
  start_time?: string;
  end_time?: string;
  state: RuntimeState;
  error?: KfpRpcStatus;
  inputs: Record<string, KfpArtifactList>;
  outputs: Record<string, KfpArtifactList>;
  parent_task_id?: string;
  child_tasks: { task_id: string }[];
  state_history: KfpRuntimeStatus[];
  executor_detail?: { main_job: string };
  /** Skiff extension (KFP clients ignore it): the task's input parameter values. */
  input_parameters: Record<string, ProtoValue>;
  /** Skiff extension: the task's output parameter values. */
  output_parameters: Record<string, ProtoValue>;
  cached?: boolean;
}

export interface KfpRun {
  run_id: string;
  experiment_id?: string;
  display_name: string;
  description: string;
  storage_state: KfpStorageState;
  pipeline_version_reference?: { pipeline_id: string; pipeline_version_id: string };
  pipeline_spec?: KfpPipelineSpecStruct;
  runtime_config?: { parameters?: Record<string, ProtoValue>; pipeline_root?: string };
  service_account?: string;
  created_at: string;
  scheduled_at?: string;
  finished_at?: string;
  state: RuntimeState;
  error?: KfpRpcStatus;
  run_details?: { task_details: KfpTaskDetail[] };
  recurring_run_id?: string;
  state_history: KfpRuntimeStatus[];
}

export interface KfpListPipelinesResponse {
  pipelines: KfpPipeline[];
  total_size: number;
  next_page_token?: string;
}

export interface KfpListPipelineVersionsResponse {
  pipeline_versions: KfpPipelineVersion[];
  total_size: number;
  next_page_token?: string;
}

export interface KfpListExperimentsResponse {
  experiments: KfpExperiment[];
  total_size: number;
  next_page_token?: string;
}

export interface KfpListRunsResponse {
  runs: KfpRun[];
  total_size: number;
  next_page_token?: string;
}
