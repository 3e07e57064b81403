/**
 * What a run and its tasks look like while the scheduler works on them. The scheduler
 * reports every change through a RunRecorder; it never touches storage or HTTP itself.
 */
import type { ExecutorKind } from '../../executors/container-executor.js';
import type {
  ArtifactTypeSchema,
  PipelineSpec,
  PlatformSpec,
  ProtoValue,
} from '../ir/pipeline-spec.js';

/** KFP v2beta1 RuntimeState names. */
export type RuntimeState =
  'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'SKIPPED' | 'FAILED' | 'CANCELING' | 'CANCELED' | 'PAUSED';

export interface ArtifactRef {
  artifactId: string;
  name: string;
  type: ArtifactTypeSchema;
  /** Absolute local path as a URI-less string (like kfp.local) unless imported from elsewhere. */
  uri: string;
  metadata: Record<string, ProtoValue>;
}

export interface TaskIo {
  parameters: Record<string, ProtoValue>;
  artifacts: Record<string, ArtifactRef[]>;
}

export interface TaskRecord {
  taskId: string;
  runId: string;
  parentTaskId?: string;
  /** Task key in its DAG, e.g. `print-op`; loop iterations are `for-loop-2` + iterationIndex. */
  name: string;
  /** taskInfo.name (what the UI shows). */
  displayName: string;
  iterationIndex?: number;
  /** `container`, `importer`, `dag`, `loop` or `iteration`. */
  kind: 'container' | 'importer' | 'dag' | 'loop' | 'iteration';
  state: RuntimeState;
  cached: boolean;
  fingerprint?: string;
  attempts: number;
  inputs: TaskIo;
  outputs: TaskIo;
  /** Docker container id or process id while it runs (recovery re-attaches or fails it). */
  containerId?: string;
  error?: { code: string; message: string };
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface RunRecorder {
  taskCreated(task: TaskRecord): void;
  taskUpdated(task: TaskRecord): void;
  taskLog(taskId: string, line: string, stream: 'stdout' | 'stderr'): void;
  artifactProduced(
    artifact: ArtifactRef & {
      runId: string;
      producerTaskId: string;
      outputKey: string;
      /** Bytes of the file, or of every file under the folder; absent for remote URIs. */
      sizeBytes?: number;
    },
  ): void;
  artifactConsumed(artifactId: string, taskId: string, inputKey: string): void;
}

export interface RunRequest {
  runId: string;
  /** `{{$.pipeline_job_name}}` and resource name. */
  jobName: string;
  spec: PipelineSpec;
  platformSpec?: PlatformSpec;
  /** runtime_config.parameters, not yet defaulted or type-checked. */
  parameters: Record<string, ProtoValue>;
  /** Local folder for this run's artifacts (`{{$.pipeline_root}}`). */
  pipelineRoot: string;
  cacheEnabled: boolean;
  /** Tasks run at the same time at most. */
  concurrency: number;
  createTime: Date;
  /**
   * Tasks of an earlier attempt of this run (Retry). Container and importer tasks that
   * SUCCEEDED there, at the same DAG path and iteration index, are reused as they are.
   */
  resumeFrom?: TaskRecord[];
}

export interface RunOutcome {
  state: 'SUCCEEDED' | 'FAILED' | 'CANCELED';
  error?: { code: string; message: string };
  /** The root DAG's outputs (pipeline outputs). */
  outputs: TaskIo;
}

/** A cached task result, keyed by fingerprint. */
export interface CachedExecution {
  fingerprint: string;
  outputs: TaskIo;
  taskId: string;
}

export interface TaskCache {
  lookup(fingerprint: string): CachedExecution | undefined;
  store(entry: CachedExecution): void;
}

export interface ExecutorChoice {
  kind: ExecutorKind;
}
