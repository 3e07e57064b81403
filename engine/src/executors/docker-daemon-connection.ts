/**
 * Reaching the Docker daemon: one lazily created dockerode client per executor, and the
 * deadline that turns a hung request into an error.
 */
import type Dockerode from 'dockerode';
import { resolveDockerEndpoint } from './dockerode-docker.js';

/** A daemon that has not answered the first request by then counts as down. */
export const FIRST_ANSWER_MS = 10_000;

export interface DockerConnectionOptions {
  /** Daemon socket; default as `docker` finds it (DOCKER_HOST, then the usual places). */
  socketPath?: string;
}

export type Connection = { docker: Dockerode; where: string; local: boolean };

export function connector(options: DockerConnectionOptions): () => Promise<Connection> {
  const endpoint = resolveDockerEndpoint(options);
  let connection: Promise<Connection> | undefined;
  return () =>
    (connection ??= import('dockerode').then(({ default: Dockerode }) => ({
      // For a DOCKER_HOST URL the modem reads the environment itself (TLS, ssh, ...).
      docker: new Dockerode(
        'socketPath' in endpoint ? { socketPath: endpoint.socketPath } : undefined,
      ),
      where: 'socketPath' in endpoint ? endpoint.socketPath : endpoint.url,
      local: 'socketPath' in endpoint,
    })));
}

export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    const error = Object.assign(new Error(`no answer within ${String(ms)} ms`), {
      code: 'ETIMEDOUT',
    });
    timer = setTimeout(() => reject(error), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
