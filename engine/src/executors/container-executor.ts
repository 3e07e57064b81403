/**
 * Runs one container spec and nothing else: no DAG, no placeholders. The scheduler
 * resolves everything first; an executor only starts, streams, waits and cleans up.
 */

export interface Mount {
  hostPath: string;
  /** Where the folder appears inside the container. The process executor needs it equal to hostPath. */
  containerPath: string;
  readOnly?: boolean;
}

export interface ContainerRunSpec {
  /** A readable name for logs and containers, e.g. `skiff-<run>-<task>`. */
  name: string;
  /** Image after Settings → Images mapping (ignored by the process executor). */
  image: string;
  /** Full argv: the IR's command followed by its args, placeholders already resolved. */
  argv: string[];
  env: Record<string, string>;
  workingDir?: string;
  mounts: Mount[];
  resources?: {
    cpuLimit?: number;
    memoryLimitBytes?: number;
    /** `accelerator` in the IR: NVIDIA GPUs as Docker device requests. */
    gpus?: { count: number | 'all' };
  };
  /** Docker network mode; default `host` (Skiff is offline, tasks reach only this machine). */
  network?: 'host' | 'none';
  labels?: Record<string, string>;
}

export interface ContainerRunResult {
  exitCode: number;
  /** Docker container id, or the host process id as a string. */
  id: string;
}

export interface RunHooks {
  signal: AbortSignal;
  /** Each output line as it arrives. */
  onLog: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Called once the container or process exists (for recovery after a crash). */
  onStarted?: (id: string) => void;
}

export type ExecutorKind = 'docker' | 'process';

export interface ContainerExecutor {
  readonly kind: ExecutorKind;
  /**
   * Resolves with the exit code (non-zero is not an error). Rejects with a SkiffError:
   * CANCELLED when the signal aborts (the container/process is stopped within seconds),
   * FAILED_PRECONDITION for a missing image (naming it and the fix), UNAVAILABLE when the
   * runtime is down.
   */
  run(spec: ContainerRunSpec, hooks: RunHooks): Promise<ContainerRunResult>;
}
