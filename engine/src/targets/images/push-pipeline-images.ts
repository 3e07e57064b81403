/**
 * The whole "publish this pipeline's images" step, as the API runs it: find the images a
 * remote cluster cannot pull, retag and push them through the local Docker.
 */
import type { PipelinePackage } from '../../pipelines/ir/pipeline-spec.js';
import { createDockerImageStore } from './docker-image-store.js';
import type { ImageStore, RegistryAuth } from './image-store.js';
import { listPipelineImages } from './pipeline-images.js';
import { retagAndPush } from './retag-and-push.js';
import type { ImageMapping } from './rewrite-images.js';

export async function pushPipelineImages(
  pkg: PipelinePackage,
  registry: string,
  auth?: RegistryAuth,
  store: ImageStore = createDockerImageStore(),
): Promise<ImageMapping[]> {
  const images = await listPipelineImages(pkg.pipelineSpec, store);
  return retagAndPush({
    store,
    registry,
    images: images.filter((i) => i.localOnly).map((i) => i.image),
    ...(auth !== undefined ? { auth } : {}),
  });
}
