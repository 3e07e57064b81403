/**
 * `skiff run create FILE|PIPELINE`: a pipeline file is sent inline as the run's
 * `pipeline_spec`; a pipeline id or name runs its latest version by reference. Parameters
 * are checked against the pipeline's inputs first — for a file before anything is sent.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { SkiffError } from '../core/errors.js';
import type { ParameterSpec, ProtoValue } from '../pipelines/ir/pipeline-spec.js';
import type { KfpClient } from './kfp-client.js';
import { ensureExperiment, findPipeline, latestVersion } from './kfp-lookup.js';
import {
  fromRunSpec,
  pipelineParameters,
  readPipelinePackage,
  toRunSpec,
  withCachingDisabled,
} from './kfp-package.js';
import type { KfpExperiment, KfpRun, KfpRunInput } from './kfp-types.js';
import { coerceParameters, type RawParameter } from './run-parameters.js';

/** Where the run's pipeline comes from, with what its inputs are (when known). */
export interface RunSource {
  pipelineName: string;
  definitions: Record<string, ParameterSpec> | undefined;
  /** The run's pipeline: an inline spec or a version reference. */
  pipeline: Pick<KfpRunInput, 'pipeline_spec'> | Pick<KfpRunInput, 'pipeline_version_reference'>;
  /** For messages: `file.yaml` or `pipeline "x", version "v"`. */
  description: string;
}

const PACKAGE_NAME = /\.(ya?ml|json|zip|tar\.gz|tgz)$/i;

/** A local pipeline file, or undefined when `ref` is no file (then it names a pipeline). */
export async function readFileSource(
  ref: string,
  noCache: boolean,
): Promise<RunSource | undefined> {
  const info = await stat(ref).catch(() => undefined);
  if (info === undefined || !info.isFile()) {
    if (PACKAGE_NAME.test(ref) || ref.includes('/') || ref.includes('\\')) {
      throw new SkiffError('NOT_FOUND', `No pipeline file at ${ref}.`, { file: ref });
    }
    return undefined;
  }
  const docs = await readPipelinePackage(await readFile(ref), basename(ref));
  if (noCache) docs.pipelineSpec = withCachingDisabled(docs.pipelineSpec);
  const info2 = docs.pipelineSpec.pipelineInfo;
  return {
    pipelineName: info2.displayName ?? info2.name,
    definitions: pipelineParameters(docs.pipelineSpec),
    pipeline: { pipeline_spec: toRunSpec(docs) },
    description: basename(ref),
  };
}

/** A stored pipeline (id or name): its latest version, by reference. */
export async function readPipelineSource(
  kfp: KfpClient,
  ref: string,
  noCache: boolean,
): Promise<RunSource> {
  if (noCache) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      '--no-cache works with a pipeline file only: KFP has no run-level caching switch, so skiff turns caching off in the spec it sends inline. ' +
        `Run the file itself (\`skiff pipeline get ${ref} --spec > pipeline.yaml\` writes it out), then \`skiff run create pipeline.yaml --no-cache\`.`,
      { field: '--no-cache' },
    );
  }
  const pipeline = await findPipeline(kfp, ref);
  const version = await latestVersion(kfp, pipeline);
  const docs = fromRunSpec(version.pipeline_spec);
  return {
    pipelineName: pipeline.display_name ?? pipeline.name ?? pipeline.pipeline_id,
    definitions: docs === undefined ? undefined : pipelineParameters(docs.pipelineSpec),
    pipeline: {
      pipeline_version_reference: {
        pipeline_id: pipeline.pipeline_id,
        pipeline_version_id: version.pipeline_version_id,
      },
    },
    description: `pipeline "${pipeline.display_name ?? pipeline.pipeline_id}", version "${version.display_name ?? version.pipeline_version_id}"`,
  };
}

export interface CreateRunRequest {
  source: RunSource;
  parameters: Record<string, ProtoValue>;
  name?: string | undefined;
  experiment?: string | undefined;
}

export async function submitRun(
  kfp: KfpClient,
  request: CreateRunRequest,
  now = new Date(),
): Promise<{ run: KfpRun; experiment?: KfpExperiment; experimentCreated: boolean }> {
  const found =
    request.experiment !== undefined ? await ensureExperiment(kfp, request.experiment) : undefined;
  const input = {
    display_name: request.name ?? `${request.source.pipelineName} ${timestamp(now)}`,
    ...(found !== undefined ? { experiment_id: found.experiment.experiment_id } : {}),
    ...request.source.pipeline,
    runtime_config: { parameters: request.parameters },
  } as KfpRunInput;
  const run = await kfp.createRun(input);
  return {
    run,
    ...(found !== undefined ? { experiment: found.experiment } : {}),
    experimentCreated: found?.created ?? false,
  };
}

/**
 * Retries a run and returns where `run retry --watch` starts from: a retried run is
 * PENDING again with its task records cleared (the scheduler records them anew, reused
 * ones included), so everything that follows is on the event stream.
 */
export async function retryRun(kfp: KfpClient, run: KfpRun): Promise<KfpRun> {
  await kfp.retryRun(run.run_id);
  const start: KfpRun = { ...run, state: 'PENDING', run_details: { task_details: [] } };
  delete start.error;
  delete start.finished_at;
  return start;
}

export function checkParameters(
  source: RunSource,
  raw: ReadonlyMap<string, RawParameter>,
): Record<string, ProtoValue> {
  return coerceParameters(raw, source.definitions);
}

/** `2025-01-31 14-05-09`, as the KFP SDK names runs. */
function timestamp(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}-${pad(date.getMinutes())}-${pad(date.getSeconds())}`;
}
