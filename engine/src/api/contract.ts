/**
 * The HTTP contract of Skiff's own API (/api/v1), described once and shared by the
 * engine's server, the CLI's client and the renderer's client. It holds types and route
 * paths only, so importing it pulls no engine code into the renderer.
 */
import type { ErrorBody, ErrorCode } from '../core/errors.js';
import type { RuntimeState, TaskRecord } from '../pipelines/scheduler/run-model.js';
import type {
  ClusterSpec,
  ComponentEndpoint,
  ComponentHealth,
  GpuRequest,
  InstallProgress,
  PlatformProfile,
  PreflightReport,
  ProviderName,
} from '../cluster/cluster-types.js';

export type { ErrorBody, ErrorCode, RuntimeState, TaskRecord };
export type {
  ClusterSpec,
  ComponentEndpoint,
  ComponentHealth,
  GpuRequest,
  InstallProgress,
  PlatformProfile,
  PreflightReport,
  ProviderName,
};
export type { CheckStatus, ComponentPhase, PreflightCheck } from '../cluster/cluster-types.js';

export interface HealthResponse {
  status: 'ok';
  version: string;
}

export interface ToolStatus {
  found: boolean;
  path?: string;
  version?: string;
}

export type DockerStatus =
  | {
      reachable: true;
      version: string;
      operatingSystem: string;
      cpus: number;
      memoryBytes: number;
      runtimes: string[];
      nvidiaRuntime: boolean;
      cgroupVersion: string;
    }
  | { reachable: false; error: string };

export interface GpuDevice {
  index: number;
  name: string;
  memoryMiB: number;
  driverVersion: string;
}

export interface GpuStatus {
  /** nvidia-smi was found and answered. */
  nvidiaSmi: boolean;
  devices: GpuDevice[];
  error?: string;
}

export interface SystemInfo {
  skiffVersion: string;
  platform: { os: string; arch: string; release: string; node: string };
  cpus: number;
  memory: { totalBytes: number; freeBytes: number };
  /** Free space on the file system that holds $SKIFF_HOME. */
  disk: { path: string; totalBytes: number; freeBytes: number };
  docker: DockerStatus;
  tools: { kind: ToolStatus; k3d: ToolStatus; kubectl: ToolStatus };
  gpus: GpuStatus;
  /** When these facts were probed (they are cached for a few seconds). */
  probedAt: string;
}

export type ThemePreference = 'system' | 'light' | 'dark';
export type ExecutorPreference = 'auto' | 'docker' | 'process';

/** settings.json, schema version 1. */
export interface Settings {
  schemaVersion: 1;
  engine: { port: number };
  ui: { theme: ThemePreference };
  pipelines: { executor: ExecutorPreference; concurrency: number };
  /** Image name pattern (`*` wildcard) → local image to use instead. */
  images: { map: Record<string, string> };
}

/** A JSON merge patch (RFC 7386) of Settings: `null` removes a key. */
export type SettingsPatch = {
  [K in keyof Omit<Settings, 'schemaVersion'>]?: {
    [P in keyof Settings[K]]?: Settings[K][P] extends Record<string, string>
      ? Record<string, string | null>
      : Settings[K][P];
  };
};

export type OperationState = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface OperationProgress {
  current: number;
  total: number;
  message: string;
}

export interface OperationFailure extends ErrorBody {
  /** The step that failed, its last command and its last log lines (Rancher Desktop style). */
  step?: string;
  lastCommand?: string;
  lastLines?: string[];
}

export interface Operation {
  id: string;
  kind: string;
  title: string;
  state: OperationState;
  progress: OperationProgress;
  error?: OperationFailure;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

export interface OperationList {
  operations: Operation[];
}

export interface OperationLogs {
  id: string;
  lines: string[];
}

export interface LoginTicket {
  /** Opening this URL once sets the session cookie and lands on the UI. */
  url: string;
  expiresAt: string;
}

/** A run's state as it changes (the KFP API has the full run). */
export interface RunStateChange {
  runId: string;
  state: RuntimeState;
  error?: { code: string; message: string };
  finishedAt?: string;
}

/** Events sent on GET /api/v1/events (Server-Sent Events). */
export type EngineEvent =
  | { type: 'run.updated'; data: RunStateChange }
  | { type: 'task.updated'; data: TaskRecord }
  | {
      type: 'task.log';
      data: { runId: string; taskId: string; line: string; stream: 'stdout' | 'stderr' };
    }
  | { type: 'operation.updated'; data: Operation }
  | { type: 'operation.log'; data: { id: string; line: string } }
  | { type: 'settings.changed'; data: Settings }
  | { type: 'system.changed'; data: SystemInfo }
  | { type: 'cluster.updated'; data: ClusterStatus };

export type EngineEventType = EngineEvent['type'];

// A record, so adding an event type without listing it here does not compile.
const EVENT_TYPES: Record<EngineEventType, true> = {
  'operation.updated': true,
  'operation.log': true,
  'settings.changed': true,
  'system.changed': true,
  'cluster.updated': true,
  'run.updated': true,
  'task.updated': true,
  'task.log': true,
};

/** Every event type, e.g. for `GET /api/v1/events?types=…` and the renderer's listeners. */
export const ENGINE_EVENT_TYPES = Object.keys(EVENT_TYPES) as readonly EngineEventType[];

/** An event as delivered: durable events carry an id usable as Last-Event-ID. */
export type DeliveredEvent = EngineEvent & { id?: number; time: string };

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

/** The local cluster's life (Rancher Desktop style); busy states have an operation. */
export type ClusterState =
  | 'NONE'
  | 'CREATING'
  | 'INSTALLING'
  | 'RUNNING'
  | 'STOPPING'
  | 'STOPPED'
  | 'STARTING'
  | 'DELETING'
  | 'ERROR';

/** The named steps of creating a cluster, in order (the UI lists them). */
export const CLUSTER_CREATE_STEPS = [
  'Checking prerequisites',
  'Creating the cluster',
  'Writing kubeconfig',
  'Preloading images',
  'Installing the platform',
  'Starting port-forwards',
] as const;

/** A component UI or API on a stable local port (an engine port-forward). */
export interface ClusterEndpointView extends ComponentEndpoint {
  /** e.g. http://127.0.0.1:8080/ */
  url: string;
  forwarding: boolean;
  lastError?: string;
}

export interface ClusterResourceUsage {
  nodes: number;
  pods: number;
  cpuUsedMillis?: number;
  cpuCapacityMillis: number;
  memoryUsedBytes?: number;
  memoryCapacityBytes: number;
}

/** GET /api/v1/cluster: the truth about the local cluster, also sent as `cluster.updated`. */
export interface ClusterStatus {
  state: ClusterState;
  /** Absent when state is NONE. */
  spec?: ClusterSpec;
  profile?: PlatformProfile;
  /** The operation doing (or that last did) work on the cluster. */
  operationId?: string;
  /** Latest install progress per component, while installing. */
  install: InstallProgress[];
  components: ComponentHealth[];
  endpoints: ClusterEndpointView[];
  gpus: { enabled: boolean; request: GpuRequest };
  usage?: ClusterResourceUsage;
  /** Set in ERROR: the step, last command and last log lines of what failed. */
  failure?: OperationFailure;
  updatedAt: string;
}

/** POST /api/v1/cluster. Omitted fields take the defaults shown in `skiff cluster --help`. */
export interface CreateClusterRequest {
  name?: string;
  provider?: ProviderName;
  profile?: PlatformProfile;
  nodes?: number;
  /** 'none', 'all', or GPU indexes: a list, or a string such as "0,1". */
  gpus?: number[] | string;
}

/** What a profile installs and what the machine needs for it. */
export interface ProfileSummary {
  name: PlatformProfile;
  description: string;
  components: string[];
  /** Memory the cluster needs with this profile installed. */
  memoryBytes: number;
  cpus: number;
  images: number;
}

/** GET /api/v1/cluster/preflight: the checks plus what the create wizard offers. */
export interface ClusterPreflight {
  report: PreflightReport;
  providers: Record<ProviderName, ToolStatus>;
  gpus: GpuStatus;
  profiles: ProfileSummary[];
}

export interface ClusterImage {
  image: string;
  /** In the local Docker, so it can be preloaded offline. */
  present: boolean;
}

export interface ClusterImages {
  profile: PlatformProfile;
  images: ClusterImage[];
}

/** POST /api/v1/cluster/images/save and /load. */
export interface ClusterImagesArchiveRequest {
  profile?: PlatformProfile;
  /** Absolute path of the image archive (a `docker save` tar). */
  archive: string;
}

/** What starting long cluster work answers (202): follow the operation. */
export interface ClusterOperationStarted {
  operation: Operation;
  cluster: ClusterStatus;
}

/** How Skiff authenticates to a target's KFP API. Secrets never come back in full. */
export type TargetAuthInput =
  | { type: 'none' }
  | { type: 'bearer'; token: string }
  | { type: 'kubeconfig'; kubeconfigPath: string; context?: string }
  | { type: 'serviceAccountTokenFile'; tokenFile: string }
  | { type: 'cookie'; cookie: string };

export interface TargetInput {
  /** KFP API base URL, including a gateway's `/pipeline` prefix when there is one. */
  url: string;
  auth: TargetAuthInput;
  /** The profile namespace on multi-user Kubeflow. */
  namespace?: string;
  tls?: { caFile?: string; insecureSkipVerify?: boolean };
  /** Where "Open in Kubeflow" links go (the central dashboard); derived from url if absent. */
  uiUrl?: string;
}

/** A target as shown: the secret is reduced to its last 4 characters. */
export interface TargetView extends Omit<TargetInput, 'auth'> {
  name: string;
  auth: { type: TargetAuthInput['type']; hint?: string };
  /** Set when TLS verification is off: shown next to the target. */
  warning?: string;
}

export interface TargetTestResult {
  ok: boolean;
  version?: string;
  multiUser?: boolean;
  message: string;
}

/** POST /api/v1/targets/:name/push: promote a local pipeline version to a target. */
export interface PushRequest {
  pipelineId: string;
  versionId?: string;
  /** The remote version's name; the local version's name by default. */
  versionName?: string;
  /** A recurring run on the target: KFP 6-field cron or an interval in seconds. */
  schedule?: { cron: string } | { intervalSecond: number };
  parameters?: Record<string, unknown>;
  /** Push even when the target already holds a different version of this pipeline. */
  force?: boolean;
  /** Push although the pipeline uses images built on this machine (the cluster has them). */
  allowLocalImages?: boolean;
}

export interface PushResult {
  remotePipelineId: string;
  remoteVersionId: string;
  /** Unified diff of the IR when the target already had this pipeline and it differed. */
  diff?: string;
  /** The target already had exactly this IR: nothing was uploaded. */
  unchanged: boolean;
  recurringRunId?: string;
  /** False when the target held a different IR and `force` was not set: see `diff`. */
  uploaded?: boolean;
  /** Images the remote cluster cannot pull (built locally). */
  localImages: string[];
  url: string;
}

/** POST /api/v1/targets/:name/runs: run a local pipeline version on a target. */
export interface TargetRunRequest {
  pipelineId: string;
  versionId?: string;
  displayName: string;
  parameters?: Record<string, unknown>;
  experimentName?: string;
  allowLocalImages?: boolean;
}

export interface TargetRunResult {
  target: string;
  runId: string;
  /** The run in the target's own UI. */
  url: string;
}

/** Routes of /api/v1, for clients that want the paths in one place. */
export const API_ROUTES = {
  health: '/api/v1/health',
  system: '/api/v1/system',
  settings: '/api/v1/settings',
  operations: '/api/v1/operations',
  operation: (id: string) => `/api/v1/operations/${encodeURIComponent(id)}`,
  operationLogs: (id: string) => `/api/v1/operations/${encodeURIComponent(id)}/logs`,
  operationCancel: (id: string) => `/api/v1/operations/${encodeURIComponent(id)}/cancel`,
  events: '/api/v1/events',
  cluster: '/api/v1/cluster',
  clusterStart: '/api/v1/cluster/start',
  clusterStop: '/api/v1/cluster/stop',
  clusterPreflight: (query: { provider?: string; profile?: string; gpus?: string } = {}) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    const search = params.toString();
    return `/api/v1/cluster/preflight${search ? `?${search}` : ''}`;
  },
  clusterImages: (profile?: string) =>
    `/api/v1/cluster/images${profile ? `?profile=${encodeURIComponent(profile)}` : ''}`,
  clusterImagesSave: '/api/v1/cluster/images/save',
  clusterImagesLoad: '/api/v1/cluster/images/load',
  loginTickets: '/api/v1/login-tickets',
  cache: '/api/v1/cache',
  taskLogs: (runId: string, taskId: string) =>
    `/api/v1/runs/${encodeURIComponent(runId)}/tasks/${encodeURIComponent(taskId)}/logs`,
  task: (runId: string, taskId: string) =>
    `/api/v1/runs/${encodeURIComponent(runId)}/tasks/${encodeURIComponent(taskId)}`,
  runArtifacts: (runId: string) => `/api/v1/runs/${encodeURIComponent(runId)}/artifacts`,
  artifact: (artifactId: string) => `/api/v1/artifacts/${encodeURIComponent(artifactId)}`,
  artifactContent: (artifactId: string, options: ArtifactContentOptions | string = {}) => {
    const { path, download, limit } = typeof options === 'string' ? { path: options } : options;
    const query = new URLSearchParams();
    if (path !== undefined && path !== '') query.set('path', path);
    if (download) query.set('download', '1');
    if (limit !== undefined) query.set('limit', String(limit));
    const search = query.toString();
    return `/api/v1/artifacts/${encodeURIComponent(artifactId)}/content${search ? `?${search}` : ''}`;
  },
  targets: '/api/v1/targets',
  target: (name: string) => `/api/v1/targets/${encodeURIComponent(name)}`,
  targetTest: (name: string) => `/api/v1/targets/${encodeURIComponent(name)}/test`,
  targetPush: (name: string) => `/api/v1/targets/${encodeURIComponent(name)}/push`,
  targetRuns: (name: string) => `/api/v1/targets/${encodeURIComponent(name)}/runs`,
  targetRun: (name: string, runId: string) =>
    `/api/v1/targets/${encodeURIComponent(name)}/runs/${encodeURIComponent(runId)}`,
  taskLogsDownload: (runId: string, taskId: string) =>
    `/api/v1/runs/${encodeURIComponent(runId)}/tasks/${encodeURIComponent(taskId)}/logs?download=1`,
} as const;

/** POST /api/v1/targets/images/push: publish a local pipeline's locally built images. */
export interface ImagesPushRequest {
  pipelineId: string;
  /** Default: the pipeline's latest version. */
  versionId?: string;
  /** `HOST:PORT[/prefix]`, no scheme, e.g. `127.0.0.1:5000`. */
  registry: string;
  /** Registry credentials; omit for an open registry. */
  auth?: { username: string; password: string };
}

export interface ImagesPushResult {
  /** Each local image and the registry name it was pushed as. */
  pushed: Array<{ from: string; to: string }>;
}

export const IMAGES_PUSH_ROUTE = '/api/v1/targets/images/push';
