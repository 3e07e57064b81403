/** Skiff's own views of local runs: cache, task logs, tasks and their artifacts. */
import type { RuntimeState } from '../../pipelines/scheduler/run-model.js';

export interface CacheEntry {
  fingerprint: string;
  taskId: string;
  runId: string;
  createdAt: string;
}

export interface CacheList {
  entries: CacheEntry[];
}

export interface TaskLogs {
  runId: string;
  taskId: string;
  lines: string[];
}

/** Where an artifact came from or went: a task of a run. */
export interface ArtifactTaskLink {
  runId: string;
  taskId: string;
  /** The task's name in the pipeline (e.g. `train`), with the loop index when in a loop. */
  taskName: string;
}

/** An artifact as the UI shows it: what it is, where its bytes are, who made it. */
export interface ArtifactView {
  artifactId: string;
  /** The output name on the producing task (e.g. `model`, `metrics`). */
  name: string;
  /** The schema title, e.g. `system.Model`, `system.Metrics`, `system.ClassificationMetrics`. */
  type: string;
  uri: string;
  metadata: Record<string, unknown>;
  sizeBytes: number | null;
  producer: ArtifactTaskLink | null;
  /** GET it for the bytes (or a directory listing); absent when the URI is not a local file. */
  contentUrl?: string;
}

export interface ArtifactDetail extends ArtifactView {
  consumers: ArtifactTaskLink[];
}

export interface TaskIoView {
  parameters: Record<string, unknown>;
  artifacts: Record<string, ArtifactView[]>;
}

/** One task of a run with its inputs and outputs (GET /api/v1/runs/:run/tasks/:task). */
export interface TaskView {
  runId: string;
  taskId: string;
  name: string;
  state: RuntimeState;
  cached: boolean;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  inputs: TaskIoView;
  outputs: TaskIoView;
}

/** The files of a directory artifact (recursive, sorted), from its content URL. */
export interface ArtifactDirectoryListing {
  /** `path` is relative to the artifact with `/` separators: pass it back as `?path=`. */
  entries: { path: string; sizeBytes: number }[];
  /** Set when the folder holds more files than one listing gives (1000). */
  truncated?: boolean;
}

/** Query options of an artifact's content URL (see docs/api.md). */
export interface ArtifactContentOptions {
  /** A file inside a directory artifact, relative to it. */
  path?: string;
  /** Serve as an attachment (Content-Disposition) for a browser download. */
  download?: boolean;
  /** At most this many bytes; `X-Skiff-Truncated: true` when the file is longer. */
  limit?: number;
}
