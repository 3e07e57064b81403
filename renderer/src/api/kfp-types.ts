import type { ExecutorPreference, RuntimeState } from '@skiff/engine/api-contract';

/** The KFP v2beta1 JSON shapes the UI reads (a subset; see docs/kfp-api.md). */
export type { RuntimeState };

export type ProtoValue =
  string | number | boolean | null | ProtoValue[] | { [k: string]: ProtoValue };

export interface KfpStatus {
  code: number;
  message: string;
}

export interface KfpPipeline {
  pipeline_id: string;
  display_name: string;
  name?: string;
  description?: string;
  created_at: string;
}

export interface ParameterSpec {
  parameterType?: string;
  defaultValue?: ProtoValue;
  isOptional?: boolean;
  description?: string;
}

export interface PipelineSpec {
  pipelineInfo?: { name?: string };
  root?: { inputDefinitions?: { parameters?: Record<string, ParameterSpec> } };
  [key: string]: unknown;
}

export interface KfpPipelineVersion {
  pipeline_id: string;
  pipeline_version_id: string;
  display_name: string;
  description?: string;
  created_at: string;
  pipeline_spec?: PipelineSpec;
}

export interface KfpExperiment {
  experiment_id: string;
  display_name: string;
}

export interface KfpTaskDetail {
  run_id: string;
  task_id: string;
  display_name: string;
  create_time: string;
  start_time?: string;
  end_time?: string;
  state: RuntimeState;
  error?: KfpStatus;
  parent_task_id?: string;
  child_tasks?: { task_id: string }[];
  input_parameters?: Record<string, ProtoValue>;
  output_parameters?: Record<string, ProtoValue>;
  cached?: boolean;
  /** Skiff extension: the task's key in its DAG (display_name is taskInfo.name). */
  task_name?: string;
  /** Skiff extension: what the task is in the graph. */
  kind?: 'container' | 'importer' | 'dag' | 'loop' | 'iteration';
  /** Skiff extension: a loop iteration's index. */
  iteration_index?: number;
}

export interface KfpRun {
  run_id: string;
  display_name: string;
  experiment_id?: string;
  pipeline_version_reference?: { pipeline_id: string; pipeline_version_id: string };
  runtime_config?: { parameters?: Record<string, ProtoValue> };
  created_at: string;
  finished_at?: string;
  state: RuntimeState;
  error?: KfpStatus;
  run_details?: { task_details: KfpTaskDetail[] };
  /** Skiff extensions (KFP clients ignore them): see docs/kfp-api.md. */
  labels?: Record<string, string>;
  enable_caching?: boolean;
  executor?: ExecutorPreference;
}

export interface KfpPage {
  total_size?: number;
  next_page_token?: string;
}

export interface ListOptions {
  page_size?: number;
  page_token?: string;
  sort_by?: string;
  filter?: string;
}

export interface ListRunsOptions extends ListOptions {
  experiment_id?: string;
}

export interface CreateRunRequest {
  display_name: string;
  experiment_id?: string;
  /** A stored version, or else the spec itself inline (`pipeline_spec`), as KFP accepts. */
  pipeline_version_reference?: { pipeline_id: string; pipeline_version_id: string };
  pipeline_spec?: Record<string, unknown>;
  runtime_config: { parameters: Record<string, ProtoValue> };
  /** Skiff extensions: string labels, the caching switch, the executor for this run only. */
  labels?: Record<string, string>;
  enable_caching?: boolean;
  executor?: ExecutorPreference;
}
