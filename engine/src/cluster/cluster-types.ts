/**
 * The shapes the cluster mode's parts share: providers (kind, k3d), preflight checks, the
 * bundled platform (`bundled-manifests/platform.yaml`), the installer and component health.
 * Types only: each part implements its side in its own folder.
 */

export type ProviderName = 'kind' | 'k3d';
export type PlatformProfile = 'lite' | 'full';

/** Which GPUs the nodes get: none, all, or the listed indexes (nvidia-smi's numbering). */
export type GpuRequest = 'none' | 'all' | number[];

export interface PortMapping {
  /** On 127.0.0.1 of the host. */
  hostPort: number;
  /** A NodePort on the cluster's (first) node. */
  nodePort: number;
}

export interface ClusterSpec {
  name: string;
  provider: ProviderName;
  /** 1 = a single control-plane node that also runs workloads; more adds workers. */
  nodes: number;
  gpus: GpuRequest;
  ports: PortMapping[];
  /** Skiff's own kubeconfig for this cluster, under $SKIFF_HOME/clusters/<name>/. */
  kubeconfigPath: string;
}

export interface ClusterInfo {
  name: string;
  provider: ProviderName;
  nodes: number;
  running: boolean;
}

/** What long provider work reports: log lines (progress bars show them) and cancel. */
export interface ProviderContext {
  signal: AbortSignal;
  onLog: (line: string) => void;
  /** The command line about to run, for failure details (Rancher Desktop style). */
  onCommand?: (commandLine: string) => void;
}

export interface ClusterProvider {
  readonly name: ProviderName;
  create(spec: ClusterSpec, ctx: ProviderContext): Promise<void>;
  start(name: string, ctx: ProviderContext): Promise<void>;
  stop(name: string, ctx: ProviderContext): Promise<void>;
  delete(name: string, ctx: ProviderContext): Promise<void>;
  list(): Promise<ClusterInfo[]>;
  /** Writes the cluster's kubeconfig (mode 0600) where Skiff keeps it. */
  writeKubeconfig(name: string, path: string): Promise<void>;
  /** Loads local Docker images, or an image archive (a `docker save` tar), into every node. */
  loadImages(
    name: string,
    source: { images: string[] } | { archive: string },
    ctx: ProviderContext,
  ): Promise<void>;
}

export type CheckStatus = 'ok' | 'warning' | 'error';

/** One preflight check: what was found, and the fix when it is not ok. */
export interface PreflightCheck {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
}

export interface PreflightReport {
  ok: boolean;
  checks: PreflightCheck[];
}

/** `platform.yaml`: the bundled Kubeflow platform. */
export interface PlatformManifest {
  apiVersion: 'skiff.dev/v1';
  kind: 'Platform';
  metadata: { name: string; version: string };
  profiles: Record<PlatformProfile, { description: string; components: string[] }>;
  components: PlatformComponent[];
}

export interface PlatformComponent {
  name: string;
  description: string;
  /** Folder under bundled-manifests/ with a kustomization.yaml listing its files in order. */
  path: string;
  dependsOn: string[];
  /** What must hold before the component counts as installed. */
  readiness: ReadinessCheck[];
  timeoutSeconds: number;
  /** Every image the component runs, including those named only in env vars or args. */
  images: string[];
  /** UIs and APIs the engine port-forwards to stable local ports. */
  endpoints?: ComponentEndpoint[];
}

export type ReadinessCheck =
  | { kind: 'CustomResourceDefinition'; name: string }
  | { kind: 'Deployment' | 'StatefulSet' | 'DaemonSet'; namespace: string; name: string };

export interface ComponentEndpoint {
  name: string;
  namespace: string;
  service: string;
  port: number;
  localPort: number;
  /** Path to open in a browser (a UI), absent for APIs. */
  path?: string;
}

export type ComponentPhase = 'pending' | 'applying' | 'waiting' | 'ready' | 'failed' | 'skipped';

export interface InstallProgress {
  component: string;
  phase: ComponentPhase;
  message: string;
  /** Components finished so far, of all in the profile. */
  done: number;
  total: number;
}

export interface ComponentHealth {
  component: string;
  ready: boolean;
  /** e.g. "2/2 replicas ready" */
  detail: string;
  restarts: number;
  lastError?: string;
}
