import type { PipelineSpec } from '../ir/pipeline-spec.js';
import type { Pipeline, PipelineInputDecls } from './pipeline.js';
import { pipelineSpecToYaml } from './pipeline-yaml.js';
import type { OutputRefs } from './signature.js';

/** The pipeline's IR (PipelineSpec, schema 2.1.0); a fresh copy on every call. */
export function compile<I extends PipelineInputDecls, O extends OutputRefs>(
  pipeline: Pipeline<I, O>,
): PipelineSpec {
  return structuredClone(pipeline.definition.compile().spec);
}

/** The pipeline file Skiff and KFP accept: `skiff pipeline upload pipeline.yaml`. */
export function toYaml<I extends PipelineInputDecls, O extends OutputRefs>(
  pipeline: Pipeline<I, O>,
): string {
  return pipelineSpecToYaml(compile(pipeline));
}
