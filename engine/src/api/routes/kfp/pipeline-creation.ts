import { invalidArgument, notFound } from '../../../core/errors.js';
import type { PipelinePackage } from '../../../pipelines/ir/pipeline-spec.js';
import type { PipelineRecord } from '../../../pipelines/store/pipeline-repository.js';
import type { PipelineVersionRecord } from '../../../pipelines/store/pipeline-version-repository.js';
import type { KfpContext } from './kfp-context.js';

export interface NameInput {
  name?: string | undefined;
  displayName?: string | undefined;
}

export interface PipelineInput extends NameInput {
  description?: string | undefined;
  namespace?: string | undefined;
  tags: Record<string, string>;
}

export interface VersionInput extends NameInput {
  description?: string | undefined;
  package: PipelinePackage;
  packageUrl?: string | undefined;
  codeSourceUrl?: string | undefined;
  tags: Record<string, string>;
}

/**
 * KFP's naming rule: `name` is required, `display_name` defaults to it, and a missing name
 * falls back to the display name, then to the uploaded file's name.
 */
export function resolveNames(
  input: NameInput,
  fallback: string | undefined,
  field: string,
): { name: string; displayName: string } {
  const name = input.name?.trim() || input.displayName?.trim() || fallback?.trim();
  if (!name) throw invalidArgument(field, 'is required; give the pipeline a name');
  return { name, displayName: input.displayName?.trim() || name };
}

function newPipeline(
  ctx: KfpContext,
  input: PipelineInput,
  fallbackName: string | undefined,
): PipelineRecord {
  return {
    pipelineId: ctx.ids.next(),
    ...resolveNames(input, fallbackName, 'name'),
    description: input.description ?? '',
    namespace: input.namespace ?? '',
    createdAt: ctx.now(),
    tags: input.tags,
  };
}

function newVersion(
  ctx: KfpContext,
  pipeline: PipelineRecord,
  input: VersionInput,
  fallbackName: string | undefined,
  field: string,
): PipelineVersionRecord {
  const version: PipelineVersionRecord = {
    pipelineVersionId: ctx.ids.next(),
    pipelineId: pipeline.pipelineId,
    ...resolveNames(input, fallbackName, field),
    description: input.description ?? '',
    package: input.package,
    createdAt: ctx.now(),
    tags: input.tags,
  };
  if (input.packageUrl) version.packageUrl = input.packageUrl;
  if (input.codeSourceUrl) version.codeSourceUrl = input.codeSourceUrl;
  return version;
}

export function createPipeline(ctx: KfpContext, input: PipelineInput): PipelineRecord {
  const pipeline = newPipeline(ctx, input, undefined);
  ctx.pipelines.insert(pipeline);
  return pipeline;
}

/** A pipeline and its first version, in one transaction: both are stored, or neither. */
export function createPipelineWithVersion(
  ctx: KfpContext,
  input: PipelineInput,
  version: VersionInput,
  fileName: string | undefined,
): { pipeline: PipelineRecord; version: PipelineVersionRecord } {
  const pipeline = newPipeline(ctx, input, fileName);
  const first = newVersion(ctx, pipeline, version, pipeline.name, 'pipeline_version.name');
  if (!version.name && !version.displayName) first.displayName = pipeline.displayName;
  if (!version.description) first.description = pipeline.description;
  ctx.transaction(() => {
    ctx.pipelines.insert(pipeline);
    ctx.versions.insert(first);
  });
  return { pipeline, version: first };
}

export function createVersion(
  ctx: KfpContext,
  pipelineId: string,
  input: VersionInput,
  fileName: string | undefined,
): PipelineVersionRecord {
  const pipeline = ctx.pipelines.get(pipelineId);
  if (!pipeline) throw notFound('Pipeline', pipelineId);
  const version = newVersion(ctx, pipeline, input, fileName, 'name');
  ctx.versions.insert(version);
  return version;
}
