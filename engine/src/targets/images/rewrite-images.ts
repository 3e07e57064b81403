/**
 * A copy of a pipeline package whose executors pull the pushed images instead of the
 * local ones, so the pipeline a remote cluster gets names images it can pull.
 */
import type { PipelinePackage } from '../../pipelines/ir/pipeline-spec.js';

export interface ImageMapping {
  from: string;
  to: string;
}

export function rewriteImages(pkg: PipelinePackage, pushed: ImageMapping[]): PipelinePackage {
  const copy = structuredClone(pkg);
  const to = new Map(pushed.map((m) => [m.from, m.to]));
  const deployment = (copy.pipelineSpec as { deploymentSpec?: { executors?: object } })
    .deploymentSpec;
  for (const executor of Object.values(deployment?.executors ?? {})) {
    const container = (executor as { container?: { image?: unknown } }).container;
    if (container === undefined || typeof container.image !== 'string') continue;
    const replacement = to.get(container.image);
    if (replacement !== undefined) container.image = replacement;
  }
  return copy;
}
