/**
 * What the cluster service needs from the cluster mode's other parts (providers,
 * preflight, installer, image preload, port-forwards). Small interfaces, so the service is
 * tested with in-test implementations and the real modules plug in through adapters.
 */
import type {
  ClusterImage,
  ClusterResourceUsage,
  GpuStatus,
  ProfileSummary,
  ToolStatus,
} from '../../api/contract.js';
import type {
  ClusterProvider,
  ClusterSpec,
  ComponentEndpoint,
  ComponentHealth,
  InstallProgress,
  PlatformProfile,
  PreflightReport,
  ProviderContext,
  ProviderName,
} from '../cluster-types.js';

export interface ProviderRegistry {
  get(name: ProviderName): ClusterProvider;
}

export interface Preflight {
  run(spec: ClusterSpec, profile: PlatformProfile, signal?: AbortSignal): Promise<PreflightReport>;
}

export interface InstallContext {
  signal: AbortSignal;
  onProgress: (progress: InstallProgress) => void;
  onLog?: (line: string) => void;
}

export interface PlatformInstaller {
  install(kubeconfigPath: string, profile: PlatformProfile, ctx: InstallContext): Promise<void>;
  health(kubeconfigPath: string, profile: PlatformProfile): Promise<ComponentHealth[]>;
}

export interface ImagePreloader {
  /** Loads the profile's images from the local Docker into every node. */
  preload(
    provider: ClusterProvider,
    clusterName: string,
    profile: PlatformProfile,
    ctx: ProviderContext,
  ): Promise<void>;
}

/** The profile's images in the local Docker, and `docker save` of them for another machine. */
export interface ImageArchive {
  list(images: string[]): Promise<ClusterImage[]>;
  save(images: string[], archivePath: string, ctx: ProviderContext): Promise<void>;
}

export interface ForwardState {
  name: string;
  forwarding: boolean;
  lastError?: string;
}

export interface PortForwarder {
  /** Listens on 127.0.0.1:<localPort> for each endpoint; resolves once all listen. */
  start(kubeconfigPath: string, endpoints: ComponentEndpoint[]): Promise<void>;
  stop(): void;
  states(): ForwardState[];
}

/** The bundled platform (`platform.yaml`) as the service needs it. */
export interface PlatformCatalog {
  profiles(): Promise<ProfileSummary[]>;
  endpoints(profile: PlatformProfile): Promise<ComponentEndpoint[]>;
  images(profile: PlatformProfile): Promise<string[]>;
}

/** Facts about this machine for the create wizard. */
export interface MachineFacts {
  providers(): Promise<Record<ProviderName, ToolStatus>>;
  gpus(): Promise<GpuStatus>;
}

export interface ResourceUsage {
  usage(kubeconfigPath: string): Promise<ClusterResourceUsage>;
}

export interface ClusterPorts {
  providers: ProviderRegistry;
  preflight: Preflight;
  installer: PlatformInstaller;
  preloader: ImagePreloader;
  archive: ImageArchive;
  forwarder: PortForwarder;
  catalog: PlatformCatalog;
  machine: MachineFacts;
  usage: ResourceUsage;
}
