/**
 * `skiff images list`: every image a pipeline's executors use, whether this machine's
 * Docker has it, and whether a remote cluster could not pull it (built here, or named
 * without a registry it could be pulled from).
 */
import type { PipelineSpec } from '../../pipelines/ir/pipeline-spec.js';
import { localImages, pipelineImages } from '../local-images.js';
import type { ImageStore, LocalImage } from './image-store.js';

export interface PipelineImage {
  image: string;
  presentLocally: boolean;
  localOnly: boolean;
}

export async function listPipelineImages(
  spec: PipelineSpec,
  store: Pick<ImageStore, 'inspect'>,
): Promise<PipelineImage[]> {
  const images = pipelineImages(spec);
  const found = new Map<string, LocalImage>();
  for (const image of images) found.set(image, await store.inspect(image));
  // Present here with no registry digest: built or retagged on this machine.
  const builtHere = (image: string): boolean => {
    const local = found.get(image);
    return local !== undefined && local.present && local.repoDigests.length === 0;
  };
  const localOnly = new Set(localImages(spec, builtHere));
  return images.map((image) => ({
    image,
    presentLocally: found.get(image)?.present === true,
    localOnly: localOnly.has(image),
  }));
}
