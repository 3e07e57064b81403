/**
 * Builds the k3s image with the NVIDIA runtime (bundled-manifests/gpu/Dockerfile) through
 * the Docker API: the context is a tar of the Dockerfile, the containerd template and the
 * local package cache as `packages/`, so the build needs no network.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { pack } from 'tar-stream';
import { SkiffError } from '../../core/errors.js';
import {
  connector,
  type DockerConnectionOptions,
} from '../../executors/docker-daemon-connection.js';
import { fromDaemon, isRecord } from '../../executors/docker-daemon-errors.js';
import { assertGpuPackages } from './gpu-package-cache.js';

export const K3S_TAG = 'v1.31.5-k3s1';
export const K3S_GPU_IMAGE = `local/k3s-nvidia:${K3S_TAG}`;

/** bundled-manifests/gpu, from engine/src/cluster/gpu or engine/dist/cluster/gpu alike. */
export const BUNDLED_GPU_DIR = fileURLToPath(
  new URL('../../../../bundled-manifests/gpu/', import.meta.url),
);

export interface BuildK3sGpuImageOptions {
  packageDir: string;
  contextDir?: string;
  tag?: string;
  docker?: DockerConnectionOptions;
  signal: AbortSignal;
  onLog: (line: string) => void;
}

export async function buildK3sGpuImage(options: BuildK3sGpuImageOptions): Promise<string> {
  const tag = options.tag ?? K3S_GPU_IMAGE;
  await assertGpuPackages(options.packageDir);
  const context = await buildContext(options.contextDir ?? BUNDLED_GPU_DIR, options.packageDir);
  const { docker, where } = await connector(options.docker ?? {})();
  options.onLog(`Building ${tag} from ${options.contextDir ?? BUNDLED_GPU_DIR}`);
  try {
    const stream = await docker.buildImage(context, {
      t: tag,
      buildargs: { K3S_TAG },
      abortSignal: options.signal,
    });
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(
        stream,
        (error: Error | null) => (error ? reject(error) : resolve()),
        (event: unknown) => {
          const failure = buildError(event);
          if (failure !== undefined) reject(new SkiffError('INTERNAL', buildFailed(tag, failure)));
          else if (
            isRecord(event) &&
            typeof event.stream === 'string' &&
            event.stream.trim() !== ''
          ) {
            options.onLog(event.stream.trimEnd());
          }
        },
      );
    });
  } catch (error) {
    if (options.signal.aborted) throw new SkiffError('CANCELLED', `Building ${tag} was cancelled.`);
    throw fromDaemon(error, where, `build ${tag}`);
  }
  return tag;
}

/** The build context as a tar stream; files are small (a Dockerfile and a few .debs). */
export async function buildContext(contextDir: string, packageDir: string): Promise<Readable> {
  const tar = pack();
  for (const file of ['Dockerfile', 'config.toml.tmpl']) {
    tar.entry({ name: file }, await readFile(path.join(contextDir, file)));
  }
  const debs = (await readdir(packageDir)).filter((file) => file.endsWith('.deb')).sort();
  for (const deb of debs) {
    tar.entry({ name: `packages/${deb}` }, await readFile(path.join(packageDir, deb)));
  }
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar as AsyncIterable<Buffer>) chunks.push(chunk);
  return Readable.from([Buffer.concat(chunks)]);
}

function buildError(event: unknown): string | undefined {
  if (!isRecord(event)) return undefined;
  return typeof event.error === 'string' ? event.error : undefined;
}

function buildFailed(tag: string, reason: string): string {
  return `Building ${tag} failed: ${reason.trim()}. A missing base image means it is not in local Docker: \`docker pull rancher/k3s:${K3S_TAG} ubuntu:22.04\` on a connected machine, then \`docker save\`/\`docker load\` them here.`;
}
