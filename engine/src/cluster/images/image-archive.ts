/**
 * `docker save` through the daemon API: the images' tar streamed to a file, with byte
 * progress against the images' total size. A cancelled or failed save leaves no file.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Dockerode from 'dockerode';
import { SkiffError } from '../../core/errors.js';
import {
  connector,
  type DockerConnectionOptions,
} from '../../executors/docker-daemon-connection.js';
import { fromDaemon } from '../../executors/docker-daemon-errors.js';
import { formatBytes } from '../../system/byte-size.js';
import type { ProviderContext } from '../cluster-types.js';
import { inspectLocalImages } from './local-images.js';
import { missingImagesError } from './missing-images.js';

/** Log a progress line at most every this many percent. */
const LOG_EVERY_PERCENT = 10;

export interface SaveOptions {
  docker?: DockerConnectionOptions;
  /** Bytes written so far, of about `total` (the images' sizes; the tar is a bit larger). */
  onProgress?: (written: number, total: number) => void;
}

/** `getImages` is in dockerode but not in its type definitions. */
type SaveClient = Dockerode & {
  getImages(options: {
    names: string[];
    abortSignal?: AbortSignal;
  }): Promise<NodeJS.ReadableStream>;
};

export async function saveImageArchive(
  images: readonly string[],
  archive: string,
  ctx: ProviderContext,
  options: SaveOptions = {},
): Promise<void> {
  const local = await inspectLocalImages(images, options.docker);
  const missing = local.filter((image) => !image.present).map((image) => image.name);
  if (missing.length > 0) throw missingImagesError(missing, 'to save');
  const total = local.reduce((sum, image) => sum + image.sizeBytes, 0);
  const { docker, where } = await connector(options.docker ?? {})();
  await mkdir(path.dirname(archive), { recursive: true });
  const partial = `${archive}.partial`;
  ctx.onLog(`Saving ${images.length} image(s), about ${formatBytes(total)}, to ${archive}`);
  try {
    const source = await (docker as SaveClient).getImages({
      names: [...images],
      abortSignal: ctx.signal,
    });
    await pipeline(source, progressCounter(total, ctx, options), createWriteStream(partial), {
      signal: ctx.signal,
    });
    await rename(partial, archive);
  } catch (error) {
    await rm(partial, { force: true });
    if (ctx.signal.aborted)
      throw new SkiffError('CANCELLED', `Saving images to ${archive} was cancelled.`);
    throw fromDaemon(error, where, `save images to ${archive}`);
  }
  ctx.onLog(`Saved ${images.length} image(s) to ${archive}`);
}

function progressCounter(total: number, ctx: ProviderContext, options: SaveOptions): Transform {
  let written = 0;
  let lastLogged = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      written += chunk.length;
      options.onProgress?.(written, total);
      const percent = total > 0 ? Math.min(100, Math.floor((written / total) * 100)) : 0;
      if (percent - lastLogged >= LOG_EVERY_PERCENT) {
        lastLogged = percent;
        ctx.onLog(`Saved ${formatBytes(written)} of about ${formatBytes(total)} (${percent}%)`);
      }
      callback(null, chunk);
    },
  });
}
