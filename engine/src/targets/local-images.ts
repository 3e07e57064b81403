/**
 * Images a pipeline needs (its executors' containers) that a remote cluster cannot pull:
 * Skiff's own `local/…` images and short names that only resolve to an image built on
 * this machine. Pushing them anyway is allowed with a flag; by default the push stops and
 * says how to publish them.
 */
import { SkiffError } from '../core/errors.js';
import type { PipelineSpec } from '../pipelines/ir/pipeline-spec.js';

/** Every container image in `deploymentSpec.executors`, sorted and unique. */
export function pipelineImages(spec: PipelineSpec): string[] {
  const deployment = (spec as { deploymentSpec?: { executors?: Record<string, unknown> } })
    .deploymentSpec;
  const images = new Set<string>();
  for (const executor of Object.values(deployment?.executors ?? {})) {
    const image = (executor as { container?: { image?: unknown } }).container?.image;
    if (typeof image === 'string' && image !== '') images.add(image);
  }
  return [...images].sort();
}

/**
 * `local/…` always; a registry-less name (no `.`/`:` host, not `localhost`) only when
 * `isLocalOnly` says the image exists here and nowhere public (e.g. docker images shows
 * it without a RepoDigest). Names from Docker Hub like `python:3.11` pass.
 */
export function localImages(
  spec: PipelineSpec,
  isLocalOnly: (image: string) => boolean = () => false,
): string[] {
  return pipelineImages(spec).filter((image) => {
    if (image.startsWith('local/') || image.startsWith('localhost/')) return true;
    const first = image.split('/')[0] ?? '';
    const hasRegistry = image.includes('/') && (first.includes('.') || first.includes(':'));
    return !hasRegistry && isLocalOnly(image);
  });
}

export function localImagesError(target: string, images: string[]): SkiffError {
  const list = images.map((image) => `\`${image}\``).join(', ');
  return new SkiffError(
    'FAILED_PRECONDITION',
    `The pipeline uses images built on this machine that target "${target}" cannot pull: ${list}. ` +
      'Publish them: `docker tag IMAGE REGISTRY/NAME:TAG && docker push REGISTRY/NAME:TAG`, use that name in the pipeline, and push again — or pass --allow-local-images if the cluster already has them.',
    { field: 'localImages', localImages: images },
  );
}
