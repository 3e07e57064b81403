import type { PipelineRecord } from '../../../pipelines/store/pipeline-repository.js';
import type { PipelineVersionRecord } from '../../../pipelines/store/pipeline-version-repository.js';
import type { KfpPipeline, KfpPipelineVersion } from './kfp-types.js';
import { packageToStruct } from './pipeline-spec-struct.js';

export function pipelineJson(pipeline: PipelineRecord): KfpPipeline {
  const json: KfpPipeline = {
    pipeline_id: pipeline.pipelineId,
    name: pipeline.name,
    display_name: pipeline.displayName,
    description: pipeline.description,
    created_at: pipeline.createdAt,
    namespace: pipeline.namespace,
  };
  if (Object.keys(pipeline.tags).length > 0) json.tags = pipeline.tags;
  return json;
}

export function pipelineVersionJson(version: PipelineVersionRecord): KfpPipelineVersion {
  const json: KfpPipelineVersion = {
    pipeline_id: version.pipelineId,
    pipeline_version_id: version.pipelineVersionId,
    name: version.name,
    display_name: version.displayName,
    description: version.description,
    created_at: version.createdAt,
    pipeline_spec: packageToStruct(version.package),
  };
  if (version.packageUrl) json.package_url = { pipeline_url: version.packageUrl };
  if (version.codeSourceUrl) json.code_source_url = version.codeSourceUrl;
  if (Object.keys(version.tags).length > 0) json.tags = version.tags;
  return json;
}
