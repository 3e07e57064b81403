/**
 * Offline preload: the images a profile runs, checked in local Docker, saved to one archive
 * under $SKIFF_HOME/images/ and loaded into every node by the provider (no registry).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ClusterImage } from '../../api/contract.js';
import { SkiffError } from '../../core/errors.js';
import type { DockerConnectionOptions } from '../../executors/docker-daemon-connection.js';
import type { ClusterProvider, PlatformProfile, ProviderContext } from '../cluster-types.js';
import { loadPlatformManifest, profileComponents } from '../platform/platform-manifest.js';
import { saveImageArchive, type SaveOptions } from './image-archive.js';
import { inspectLocalImages } from './local-images.js';
import { missingImagesError } from './missing-images.js';

/** Every image the profile's components run, once each, sorted. */
export async function profileImages(
  bundleDir: string,
  profile: PlatformProfile,
): Promise<string[]> {
  const platform = await loadPlatformManifest(bundleDir);
  const images = profileComponents(platform, profile).flatMap((component) => component.images);
  return [...new Set(images)].sort();
}

export function preloadArchivePath(home: string, profile: PlatformProfile): string {
  return path.join(home, 'images', `skiff-${profile}-images.tar`);
}

export async function listImages(
  images: readonly string[],
  docker?: DockerConnectionOptions,
): Promise<ClusterImage[]> {
  const local = await inspectLocalImages(images, docker);
  return local.map((image) => ({ image: image.name, present: image.present }));
}

export interface PreloadOptions extends SaveOptions {
  /** $SKIFF_HOME: the archive goes under images/. */
  home: string;
  profile: PlatformProfile;
}

export async function preloadImages(
  provider: ClusterProvider,
  clusterName: string,
  images: readonly string[],
  ctx: ProviderContext,
  options: PreloadOptions,
): Promise<void> {
  if (images.length === 0) {
    ctx.onLog('No images to preload.');
    return;
  }
  const missing = (await listImages(images, options.docker)).filter((image) => !image.present);
  if (missing.length > 0) {
    throw missingImagesError(
      missing.map((image) => image.image),
      `of the ${options.profile} profile`,
    );
  }
  const archive = preloadArchivePath(options.home, options.profile);
  await saveImageArchive(images, archive, ctx, options);
  ctx.onLog(`Loading ${archive} into every node of "${clusterName}"`);
  await provider.loadImages(clusterName, { archive }, ctx);
}

/**
 * Loads an archive (from `images save` on another machine) into a running cluster; a
 * folder loads every `.tar` in it, in name order.
 */
export async function loadImageArchive(
  provider: ClusterProvider,
  clusterName: string,
  archive: string,
  ctx: ProviderContext,
): Promise<void> {
  const archives = (await stat(archive)).isDirectory()
    ? (await readdir(archive))
        .filter((file) => file.endsWith('.tar'))
        .sort()
        .map((file) => path.join(archive, file))
    : [archive];
  if (archives.length === 0) {
    throw new SkiffError(
      'NOT_FOUND',
      `${archive} holds no .tar image archives. Save them with \`skiff cluster images save\` (or \`docker save -o <file>.tar …\`) and copy them there.`,
      { archive },
    );
  }
  for (const file of archives) {
    ctx.signal.throwIfAborted();
    await provider.loadImages(clusterName, { archive: file }, ctx);
  }
}
