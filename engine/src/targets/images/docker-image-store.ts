/**
 * The ImageStore port on dockerode: inspect, tag and push through the Docker daemon that
 * `docker` itself talks to. Push progress arrives as JSON lines; an `error` line is how
 * the daemon reports a failed push (the HTTP status is 200 by then).
 */
import { SkiffError } from '../../core/errors.js';
import {
  connector,
  type DockerConnectionOptions,
} from '../../executors/docker-daemon-connection.js';
import type { ImageStore, LocalImage, RegistryAuth } from './image-store.js';

export function createDockerImageStore(options: DockerConnectionOptions = {}): ImageStore {
  const connect = connector(options);
  const daemon = async () => {
    try {
      return await connect();
    } catch (error) {
      throw new SkiffError(
        'UNAVAILABLE',
        'Cannot reach the Docker daemon. Start Docker (or set DOCKER_HOST) and try again.',
        { field: 'docker' },
        { cause: error },
      );
    }
  };
  return {
    async inspect(image: string): Promise<LocalImage> {
      const { docker } = await daemon();
      try {
        const info = (await docker.getImage(image).inspect()) as { RepoDigests?: string[] };
        return { present: true, repoDigests: info.RepoDigests ?? [] };
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) {
          return { present: false, repoDigests: [] };
        }
        throw error;
      }
    },
    async tag(source: string, repository: string, tag: string): Promise<void> {
      const { docker } = await daemon();
      await docker.getImage(source).tag({ repo: repository, tag });
    },
    async push(repository, tag, { auth, onLine }): Promise<void> {
      const { docker } = await daemon();
      // The daemon wants an X-Registry-Auth header even for anonymous pushes.
      const authconfig: Partial<RegistryAuth> = auth ?? {};
      const stream = await docker.getImage(repository).push({ tag, authconfig });
      await readProgress(stream, onLine);
    },
  };
}

interface ProgressLine {
  status?: string;
  id?: string;
  progress?: string;
  error?: string;
  errorDetail?: { message?: string };
}

async function readProgress(
  stream: NodeJS.ReadableStream,
  onLine?: (line: string) => void,
): Promise<void> {
  let buffered = '';
  let failure: string | undefined;
  const take = (raw: string): void => {
    if (raw.trim() === '') return;
    let line: ProgressLine;
    try {
      line = JSON.parse(raw) as ProgressLine;
    } catch {
      onLine?.(raw);
      return;
    }
    if (line.error !== undefined || line.errorDetail?.message !== undefined) {
      failure ??= line.errorDetail?.message ?? line.error;
      return;
    }
    const text = [line.id, line.status, line.progress].filter(Boolean).join(' ');
    if (text !== '') onLine?.(text);
  };
  for await (const chunk of stream) {
    buffered += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      take(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
    }
  }
  take(buffered);
  if (failure !== undefined) throw new Error(failure);
}
