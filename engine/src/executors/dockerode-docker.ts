/**
 * The `Docker` port on top of dockerode. Only what the engine asks of the daemon lives
 * here; dockerode is imported lazily so commands that never touch Docker start fast.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type DockerodeClient from 'dockerode';
import { SkiffError } from '../core/errors.js';
import type { Docker, DockerInfo } from '../core/ports.js';

/** A dead or hung socket must never keep the UI waiting longer than this. */
const INFO_TIMEOUT_MS = 2000;

export interface DockerodeDockerOptions {
  /** Unix socket (or Windows named pipe); default from DOCKER_HOST, then the usual places. */
  socketPath?: string;
  /** Milliseconds before an unanswered request counts as unreachable. */
  timeoutMs?: number;
}

/** Where the daemon is expected: a socket path, or a DOCKER_HOST URL the modem parses. */
export type DockerEndpoint = { socketPath: string } | { url: string };

export function resolveDockerEndpoint(
  options: DockerodeDockerOptions = {},
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = existsSync,
): DockerEndpoint {
  if (options.socketPath !== undefined) return { socketPath: options.socketPath };
  const dockerHost = env.DOCKER_HOST ?? '';
  if (dockerHost.startsWith('unix://') && dockerHost.length > 'unix://'.length) {
    return { socketPath: dockerHost.slice('unix://'.length) };
  }
  if (dockerHost.startsWith('npipe://') && dockerHost.length > 'npipe://'.length) {
    return { socketPath: dockerHost.slice('npipe://'.length) };
  }
  if (
    dockerHost !== '' &&
    !dockerHost.startsWith('unix://') &&
    !dockerHost.startsWith('npipe://')
  ) {
    return { url: dockerHost };
  }
  if (process.platform === 'win32') return { socketPath: '//./pipe/docker_engine' };
  // Docker Desktop's per-user socket, when present, is what `docker` itself talks to.
  const userSocket = path.join(homedir(), '.docker', 'run', 'docker.sock');
  return { socketPath: exists(userSocket) ? userSocket : '/var/run/docker.sock' };
}

export function createDockerodeDocker(options: DockerodeDockerOptions = {}): Docker {
  const endpoint = resolveDockerEndpoint(options);
  const timeoutMs = options.timeoutMs ?? INFO_TIMEOUT_MS;
  const where = 'socketPath' in endpoint ? endpoint.socketPath : endpoint.url;
  let client: Promise<DockerodeClient> | undefined;

  const connect = async (): Promise<DockerodeClient> => {
    const { default: Dockerode } = await import('dockerode');
    // For a DOCKER_HOST URL the modem reads the environment itself (TLS, ssh, ...).
    return new Dockerode({
      timeout: timeoutMs,
      ...('socketPath' in endpoint ? { socketPath: endpoint.socketPath } : {}),
    });
  };

  return {
    async info(signal?: AbortSignal): Promise<DockerInfo> {
      if (signal?.aborted === true) {
        throw new SkiffError('CANCELLED', 'The Docker request was cancelled.');
      }
      client ??= connect();
      try {
        const docker = await client;
        const raw: unknown = await withDeadline(docker.info(), timeoutMs, signal);
        return toDockerInfo(raw);
      } catch (error) {
        if (error instanceof SkiffError) throw error;
        throw dockerUnavailable(where, error);
      }
    },
  };
}

/** Maps the daemon's `GET /info` answer to the port's shape. */
export function toDockerInfo(raw: unknown): DockerInfo {
  const info = isRecord(raw) ? raw : {};
  const runtimes = isRecord(info.Runtimes) ? Object.keys(info.Runtimes).sort() : [];
  return {
    serverVersion: stringField(info.ServerVersion),
    operatingSystem: stringField(info.OperatingSystem),
    cpus: numberField(info.NCPU),
    memoryBytes: numberField(info.MemTotal),
    runtimes,
    defaultRuntime: stringField(info.DefaultRuntime),
    cgroupVersion: stringField(info.CgroupVersion),
  };
}

export function dockerUnavailable(where: string, cause: unknown): SkiffError {
  const reason = describeCause(cause);
  const permission = errnoCode(cause) === 'EACCES';
  const fix = permission
    ? 'Add your user to the `docker` group (`sudo usermod -aG docker $USER`, then log in again), or set DOCKER_HOST.'
    : 'Start Docker (Docker Desktop, or `sudo systemctl start docker`), or set DOCKER_HOST.';
  return new SkiffError(
    'UNAVAILABLE',
    `Docker is not reachable at ${where} (${reason}). ${fix}`,
    { endpoint: where },
    { cause },
  );
}

function withDeadline<T>(work: Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onAbort = (): void => {
      fail(new SkiffError('CANCELLED', 'The Docker request was cancelled.'));
    };
    const timer = setTimeout(() => {
      fail(new Error(`no answer within ${ms} ms`));
    }, ms);
    const cleanup = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    work.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        fail(error instanceof Error ? error : new Error(String(error)));
      },
    );
    if (signal?.aborted === true) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function describeCause(cause: unknown): string {
  const code = errnoCode(cause);
  if (code === 'ENOENT') return 'no such socket';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'EACCES') return 'permission denied';
  if (cause instanceof Error && cause.message !== '') return cause.message;
  return String(cause);
}

function errnoCode(cause: unknown): string | undefined {
  if (!isRecord(cause)) return undefined;
  return typeof cause.code === 'string' ? cause.code : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numberField(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
