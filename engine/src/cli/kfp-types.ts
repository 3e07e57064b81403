/**
 * The KFP REST API v2beta1 resources as JSON (KFP's snake_case names), as every KFP server
 * answers them: Skiff's engine or a Kubeflow cluster. Output fields are optional because
 * proto3 JSON leaves out empty values; ids are always there.
 */

export type KfpRuntimeState =
  | 'RUNTIME_STATE_UNSPECIFIED'
  | 'PENDING'
  | 'RUNNING'
  | 'SUCCEEDED'
  | 'SKIPPED'
  | 'FAILED'
  | 'CANCELING'
  | 'CANCELED'
  | 'PAUSED';

/** googleRpcStatus: `code` is a gRPC code number. */
export interface KfpStatus {
  code?: number;
  message?: string;
  details?: unknown[];
}

/** A PipelineSpec (or `{pipeline_spec, platform_spec}`) as a JSON object. */
export type KfpSpecObject = Record<string, unknown>;

export interface KfpPipeline {
  pipeline_id: string;
  display_name?: string;
  name?: string;
  description?: string;
  created_at?: string;
  namespace?: string;
  error?: KfpStatus;
  tags?: Record<string, string>;
}

export interface KfpPipelineVersion {
  pipeline_id: string;
  pipeline_version_id: string;
  display_name?: string;
  name?: string;
  description?: string;
  created_at?: string;
  package_url?: { pipeline_url?: string };
  code_source_url?: string;
  pipeline_spec?: KfpSpecObject;
  error?: KfpStatus;
  tags?: Record<string, string>;
}

export interface KfpExperiment {
  experiment_id: string;
  display_name?: string;
  description?: string;
  created_at?: string;
  namespace?: string;
  storage_state?: 'STORAGE_STATE_UNSPECIFIED' | 'AVAILABLE' | 'ARCHIVED';
  last_run_created_at?: string;
}

export interface KfpRuntimeConfig {
  parameters?: Record<string, unknown>;
  pipeline_root?: string;
}

export interface KfpPipelineVersionReference {
  pipeline_id: string;
  pipeline_version_id?: string;
}

export interface KfpRuntimeStatus {
  update_time?: string;
  state?: KfpRuntimeState;
  error?: KfpStatus;
}

export interface KfpPipelineTaskDetail {
  run_id?: string;
  task_id: string;
  display_name?: string;
  create_time?: string;
  start_time?: string;
  end_time?: string;
  state?: KfpRuntimeState;
  execution_id?: string;
  error?: KfpStatus;
  parent_task_id?: string;
  state_history?: KfpRuntimeStatus[];
  pod_name?: string;
  child_tasks?: { task_id?: string; pod_name?: string }[];
}

export interface KfpRun {
  run_id: string;
  experiment_id?: string;
  display_name?: string;
  storage_state?: 'STORAGE_STATE_UNSPECIFIED' | 'AVAILABLE' | 'ARCHIVED';
  description?: string;
  pipeline_version_id?: string;
  pipeline_spec?: KfpSpecObject;
  pipeline_version_reference?: KfpPipelineVersionReference;
  runtime_config?: KfpRuntimeConfig;
  service_account?: string;
  created_at?: string;
  scheduled_at?: string;
  finished_at?: string;
  state?: KfpRuntimeState;
  error?: KfpStatus;
  run_details?: { task_details?: KfpPipelineTaskDetail[] };
  recurring_run_id?: string;
  state_history?: KfpRuntimeStatus[];
}

/** What CreateRun takes: a version reference or an inline spec (KFP's oneof). */
export type KfpRunInput = {
  display_name: string;
  description?: string;
  experiment_id?: string;
  runtime_config?: KfpRuntimeConfig;
  service_account?: string;
} & (
  | { pipeline_version_reference: KfpPipelineVersionReference; pipeline_spec?: never }
  | { pipeline_spec: KfpSpecObject; pipeline_version_reference?: never }
);

/** One predicate of a v2beta1Filter (sent JSON-encoded in `filter=`). */
export interface KfpPredicate {
  key: string;
  operation:
    | 'EQUALS'
    | 'NOT_EQUALS'
    | 'GREATER_THAN'
    | 'GREATER_THAN_EQUALS'
    | 'LESS_THAN'
    | 'LESS_THAN_EQUALS'
    | 'IN'
    | 'IS_SUBSTRING';
  string_value?: string;
  int_value?: number;
  long_value?: string;
  timestamp_value?: string;
  string_values?: { values: string[] };
}

export interface KfpFilter {
  predicates: KfpPredicate[];
}

export interface KfpListOptions {
  pageSize?: number;
  pageToken?: string;
  /** e.g. `created_at desc`. */
  sortBy?: string;
  filter?: KfpFilter | string;
  namespace?: string;
}

export interface KfpPage {
  total_size?: number;
  next_page_token?: string;
}

export interface KfpPipelinePage extends KfpPage {
  pipelines?: KfpPipeline[];
}
export interface KfpPipelineVersionPage extends KfpPage {
  pipeline_versions?: KfpPipelineVersion[];
}
export interface KfpExperimentPage extends KfpPage {
  experiments?: KfpExperiment[];
}
export interface KfpRunPage extends KfpPage {
  runs?: KfpRun[];
}
