import { SkiffError, invalidArgument, notFound } from '../../../core/errors.js';
import type { PipelinePackage, ProtoValue } from '../../../pipelines/ir/pipeline-spec.js';
import type { RunRecord } from '../../../pipelines/store/run-repository.js';
import type { KfpContext } from './kfp-context.js';
import { packageFromStruct } from './pipeline-package.js';
import { optionalObject, optionalString, type JsonObject } from './request-fields.js';
import { experimentForRun } from './run-experiment.js';
import { runOptions } from './run-options.js';
import { checkRuntimeParameters } from './runtime-parameters.js';

export interface RunSource {
  package: PipelinePackage;
  pipelineId?: string;
  pipelineVersionId?: string;
}

/**
 * CreateRun: checks the body (source, parameters, experiment), stores the run PENDING in
 * one transaction, then hands it to the launcher. A launch that fails at once leaves
 * nothing behind and answers the launcher's error.
 */
export function createRun(
  ctx: KfpContext,
  body: JsonObject,
  queryExperimentId: string | undefined,
): RunRecord {
  const displayName = optionalString(body, 'display_name')?.trim();
  if (!displayName) throw invalidArgument('display_name', 'is required; name the run');
  const source = runSource(ctx, body);
  const runtimeConfig = optionalObject(body, 'runtime_config') ?? {};
  const parameters = (optionalObject(runtimeConfig, 'parameters', 'runtime_config.') ??
    {}) as Record<string, ProtoValue>;
  const pipelineRoot = optionalString(runtimeConfig, 'pipeline_root', 'runtime_config.');
  checkRuntimeParameters(source.package.pipelineSpec, parameters);
  const options = runOptions(body);

  const runId = ctx.ids.next();
  const createdAt = ctx.now();
  ctx.transaction(() => {
    const experiment = experimentForRun(
      ctx,
      optionalString(body, 'experiment_id') ?? queryExperimentId,
      '',
    );
    ctx.runs.insert({
      runId,
      displayName,
      description: optionalString(body, 'description') ?? '',
      experimentId: experiment.experimentId,
      ...(source.pipelineId ? { pipelineId: source.pipelineId } : {}),
      ...(source.pipelineVersionId ? { pipelineVersionId: source.pipelineVersionId } : {}),
      package: source.package,
      runtimeConfig: { parameters, ...(pipelineRoot ? { pipeline_root: pipelineRoot } : {}) },
      namespace: experiment.namespace,
      serviceAccount: optionalString(body, 'service_account') ?? '',
      ...options,
      createdAt,
      scheduledAt: createdAt,
    });
    ctx.experiments.touchLastRun(experiment.experimentId, createdAt);
  });
  try {
    ctx.launcher.start(runId);
  } catch (error) {
    ctx.runs.delete(runId);
    throw error;
  }
  const run = ctx.runs.get(runId);
  if (!run)
    throw new SkiffError('INTERNAL', `Run "${runId}" disappeared while it was being created.`);
  return run;
}

/** Exactly one of `pipeline_version_reference` and `pipeline_spec`; recurring runs use it too. */
export function runSource(ctx: KfpContext, body: JsonObject): RunSource {
  const reference = optionalObject(body, 'pipeline_version_reference');
  const inline = body.pipeline_spec ?? undefined;
  const legacyVersionId = optionalString(body, 'pipeline_version_id');
  if (reference && inline !== undefined) {
    throw invalidArgument(
      'pipeline_spec',
      'give pipeline_version_reference or pipeline_spec, not both',
    );
  }
  if (inline !== undefined) return { package: packageFromStruct(inline, 'pipeline_spec') };
  if (reference || legacyVersionId) {
    return fromVersion(
      ctx,
      optionalString(reference ?? {}, 'pipeline_id', 'pipeline_version_reference.'),
      optionalString(reference ?? {}, 'pipeline_version_id', 'pipeline_version_reference.') ??
        legacyVersionId,
    );
  }
  throw invalidArgument(
    'pipeline_version_reference',
    'is required: give pipeline_version_reference {pipeline_id, pipeline_version_id} or an inline pipeline_spec',
  );
}

function fromVersion(
  ctx: KfpContext,
  pipelineId: string | undefined,
  versionId: string | undefined,
): RunSource {
  if (versionId) {
    const version = ctx.versions.get(versionId);
    if (!version) throw notFound('Pipeline version', versionId);
    if (pipelineId && version.pipelineId !== pipelineId) {
      throw invalidArgument(
        'pipeline_version_reference.pipeline_version_id',
        `version "${versionId}" belongs to pipeline "${version.pipelineId}", not "${pipelineId}"`,
      );
    }
    return {
      package: version.package,
      pipelineId: version.pipelineId,
      pipelineVersionId: versionId,
    };
  }
  if (!pipelineId) throw invalidArgument('pipeline_version_reference.pipeline_id', 'is required');
  if (!ctx.pipelines.get(pipelineId)) throw notFound('Pipeline', pipelineId);
  const latest = ctx.versions.latest(pipelineId);
  if (!latest) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Pipeline "${pipelineId}" has no versions to run; upload one with POST /apis/v2beta1/pipelines/upload_version?pipelineid=${pipelineId}.`,
      { pipelineId },
    );
  }
  return { package: latest.package, pipelineId, pipelineVersionId: latest.pipelineVersionId };
}
