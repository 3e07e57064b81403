/**
 * The KFP v2 pipeline IR (PipelineSpec), as `kfp.compiler` writes it: protobuf JSON field
 * names (camelCase). Only what Skiff reads is typed; unknown fields are kept as they are
 * so a pipeline exported again is byte-for-byte what was imported.
 */

export type ParameterType =
  | 'STRING'
  | 'NUMBER_INTEGER'
  | 'NUMBER_DOUBLE'
  | 'BOOLEAN'
  | 'LIST'
  | 'STRUCT'
  | 'TASK_FINAL_STATUS'
  | 'TASK_CONFIG'
  | 'PARAMETER_TYPE_ENUM_UNSPECIFIED';

/** A google.protobuf.Value, i.e. a JSON value of any kind. */
export type ProtoValue =
  null | boolean | number | string | ProtoValue[] | { [key: string]: ProtoValue };

export interface ArtifactTypeSchema {
  schemaTitle?: string;
  schemaUri?: string;
  instanceSchema?: string;
  schemaVersion?: string;
}

export interface ParameterSpec {
  parameterType: ParameterType;
  defaultValue?: ProtoValue;
  isOptional?: boolean;
  description?: string;
  literals?: ProtoValue[];
}

export interface ArtifactSpec {
  artifactType: ArtifactTypeSchema;
  isArtifactList?: boolean;
  isOptional?: boolean;
  description?: string;
  metadata?: Record<string, ProtoValue>;
}

export interface InterfaceDefinitions {
  parameters?: Record<string, ParameterSpec>;
  artifacts?: Record<string, ArtifactSpec>;
}

export interface ComponentSpec {
  inputDefinitions?: InterfaceDefinitions;
  outputDefinitions?: InterfaceDefinitions;
  executorLabel?: string;
  dag?: DagSpec;
  singlePlatformSpecs?: unknown[];
  taskConfigPassthroughs?: unknown[];
}

export interface DagOutputParameter {
  valueFromParameter?: { producerSubtask: string; outputParameterKey: string };
  valueFromOneof?: {
    parameterSelectors: { producerSubtask: string; outputParameterKey: string }[];
  };
}

export interface DagOutputArtifact {
  artifactSelectors: { producerSubtask: string; outputArtifactKey: string }[];
}

export interface DagSpec {
  tasks: Record<string, PipelineTaskSpec>;
  outputs?: {
    parameters?: Record<string, DagOutputParameter>;
    artifacts?: Record<string, DagOutputArtifact>;
  };
}

export interface TaskInputParameter {
  componentInputParameter?: string;
  taskOutputParameter?: { producerTask: string; outputParameterKey: string };
  runtimeValue?: {
    constant?: ProtoValue;
    constantValue?: { stringValue?: string; intValue?: string; doubleValue?: number };
  };
  taskFinalStatus?: { producerTask: string };
  /** CEL over the resolved value, e.g. `parseJson(string_value)["A_a"]`. */
  parameterExpressionSelector?: string;
}

export interface TaskInputArtifact {
  taskOutputArtifact?: { producerTask: string; outputArtifactKey: string };
  componentInputArtifact?: string;
}

export interface PipelineTaskSpec {
  taskInfo: { name: string };
  componentRef: { name: string };
  dependentTasks?: string[];
  inputs?: {
    parameters?: Record<string, TaskInputParameter>;
    artifacts?: Record<string, TaskInputArtifact>;
  };
  cachingOptions?: { enableCache?: boolean; cacheKey?: string };
  triggerPolicy?: {
    condition?: string;
    strategy?:
      | 'TRIGGER_STRATEGY_UNSPECIFIED'
      | 'ALL_UPSTREAM_TASKS_SUCCEEDED'
      | 'ALL_UPSTREAM_TASKS_COMPLETED';
  };
  parameterIterator?: { items: { raw?: string; inputParameter?: string }; itemInput: string };
  artifactIterator?: { items: { inputArtifact: string }; itemInput: string };
  iteratorPolicy?: { parallelismLimit?: number };
  retryPolicy?: {
    maxRetryCount?: number;
    backoffDuration?: string;
    backoffFactor?: number;
    backoffMaxDuration?: string;
  };
}

export interface ContainerResources {
  cpuLimit?: number;
  memoryLimit?: number;
  cpuRequest?: number;
  memoryRequest?: number;
  resourceCpuLimit?: string;
  resourceMemoryLimit?: string;
  resourceCpuRequest?: string;
  resourceMemoryRequest?: string;
  accelerator?: {
    type?: string;
    count?: string | number;
    resourceType?: string;
    resourceCount?: string;
  };
}

export interface ContainerSpec {
  image: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value: string }[];
  resources?: ContainerResources;
  lifecycle?: unknown;
}

export interface ImporterSpec {
  artifactUri: { constant?: ProtoValue; runtimeParameter?: string };
  typeSchema: ArtifactTypeSchema;
  metadata?: Record<string, ProtoValue>;
  reimport?: boolean;
  downloadToWorkspace?: boolean;
}

export interface ExecutorSpec {
  container?: ContainerSpec;
  importer?: ImporterSpec;
  resolver?: unknown;
  customJob?: unknown;
}

export interface PipelineSpec {
  pipelineInfo: { name: string; displayName?: string; description?: string };
  root: ComponentSpec;
  components?: Record<string, ComponentSpec>;
  deploymentSpec?: { executors?: Record<string, ExecutorSpec> };
  schemaVersion?: string;
  sdkVersion?: string;
  defaultPipelineRoot?: string;
}

/** Document 2 of a pipeline file: `platforms.kubernetes` and the like. */
export interface PlatformSpec {
  platforms: Record<string, unknown>;
}

/** A pipeline as Skiff keeps it: the spec, its optional platform document, and the source. */
export interface PipelinePackage {
  pipelineSpec: PipelineSpec;
  platformSpec?: PlatformSpec;
}
