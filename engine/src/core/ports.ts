/**
 * Ports: what the engine needs from the outside world. Adapters (dockerode, execa,
 * client-node, better-sqlite3) implement them; tests pass small fakes.
 */
import type { Store } from '../store/store.js';

export interface Clock {
  now(): Date;
  /** Resolves after `ms`, or rejects with an AbortError when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface IdGenerator {
  /** A new unique id (UUID v4 unless a test says otherwise). */
  next(): string;
  /** `bytes` random bytes as hex, for tokens and tickets. */
  secret(bytes: number): string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface DockerInfo {
  serverVersion: string;
  operatingSystem: string;
  cpus: number;
  memoryBytes: number;
  runtimes: string[];
  defaultRuntime: string;
  cgroupVersion: string;
}

export interface Docker {
  /** Daemon facts, or a SkiffError('UNAVAILABLE') naming how to start Docker. */
  info(signal?: AbortSignal): Promise<DockerInfo>;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  cwd?: string;
  env?: Record<string, string>;
  onLine?: (line: string) => void;
}

export interface Exec {
  /** Absolute path of an executable on PATH, or undefined. */
  which(file: string): Promise<string | undefined>;
  /** Runs a command without a shell; never rejects on a non-zero exit code. */
  run(file: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
}

export interface KubeVersion {
  gitVersion: string;
  platform: string;
}

export interface Kube {
  /** The API server's version for a kubeconfig (and optional context). */
  serverVersion(kubeconfigPath: string, context?: string): Promise<KubeVersion>;
}

export interface EngineDeps {
  docker: Docker;
  exec: Exec;
  kube: Kube;
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}
