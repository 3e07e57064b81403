/** /api/v1/health, /system, /settings and sign-in: the machine and Skiff's own settings. */
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

export interface LoginTicket {
  /** Opening this URL once sets the session cookie and lands on the UI. */
  url: string;
  expiresAt: string;
}
