/** `skiff cluster images list|save|load`: the profile's images for offline machines. */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ClusterImages, ClusterOperationStarted } from '../api/contract.js';
import { API_ROUTES } from '../api/contract.js';
import { usageError } from './args.js';
import type { CliContext } from './cli-context.js';
import type { EngineClient } from './engine-client.js';
import { watchOperation } from './operation-watch.js';

export interface ImagesOptions {
  profile?: string | undefined;
  archive?: string | undefined;
  json: boolean;
}

/** DIR gets `skiff-<profile>-images.tar`; a file path is used as it is. */
export function archiveFile(archive: string, profile: string): string {
  const path = resolve(archive);
  const isDir = existsSync(path) ? statSync(path).isDirectory() : !path.endsWith('.tar');
  return isDir ? join(path, `skiff-${profile}-images.tar`) : path;
}

export async function runImages(
  action: string,
  options: ImagesOptions,
  client: EngineClient,
  ctx: CliContext,
): Promise<number> {
  if (action === 'list') {
    const images = await client.request<ClusterImages>(
      'GET',
      API_ROUTES.clusterImages(options.profile),
    );
    if (options.json) {
      ctx.stdout.write(`${JSON.stringify(images, null, 2)}\n`);
      return 0;
    }
    const missing = images.images.filter((image) => !image.present).length;
    ctx.stdout.write(
      `Images of profile ${images.profile} (${images.images.length}, ${missing} missing locally)\n`,
    );
    for (const image of images.images) {
      ctx.stdout.write(`  ${image.present ? '✔' : '✘ missing'}  ${image.image}\n`);
    }
    return 0;
  }
  if (action !== 'save' && action !== 'load') {
    throw usageError('cluster', `Unknown images action "${action}"; use list, save or load`);
  }
  if (options.archive === undefined) {
    throw usageError('cluster', `images ${action} needs --archive DIR (or a .tar file)`);
  }
  const profile = options.profile ?? 'lite';
  const archive = archiveFile(options.archive, profile);
  const route = action === 'save' ? API_ROUTES.clusterImagesSave : API_ROUTES.clusterImagesLoad;
  const started = await client.request<ClusterOperationStarted>('POST', route, {
    archive,
    ...(action === 'save' ? { profile } : {}),
  });
  return watchOperation(client, started.operation.id, ctx);
}
