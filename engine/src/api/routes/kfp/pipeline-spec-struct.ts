import type { PipelinePackage } from '../../../pipelines/ir/pipeline-spec.js';
import type { KfpPipelineSpecStruct } from './kfp-types.js';

/** What KFP answers in `pipeline_spec`: the spec, or both documents when there is a platform spec. */
export function packageToStruct(pkg: PipelinePackage): KfpPipelineSpecStruct {
  const spec = pkg.pipelineSpec as unknown as KfpPipelineSpecStruct;
  if (!pkg.platformSpec) return spec;
  return {
    pipeline_spec: spec,
    platform_spec: pkg.platformSpec,
  };
}
