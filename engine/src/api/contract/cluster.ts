/** The local cluster (/api/v1/cluster): its state, preflight, images. */
import type {
  ClusterSpec,
  ComponentEndpoint,
  ComponentHealth,
  GpuRequest,
  InstallProgress,
  PlatformProfile,
  PreflightReport,
  ProviderName,
} from '../../cluster/cluster-types.js';
import type { Operation, OperationFailure } from './operations.js';
import type { GpuStatus, ToolStatus } from './system.js';

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
