/**
 * Runs a pipeline on a target: the IR goes inline in the run (`pipeline_spec`), so a run
 * creates no pipeline there and a failed create leaves nothing behind. `followRun` polls
 * the remote run until it ends, for `skiff run create --target X --watch`.
 */
import type { TargetRunResult } from '../api/contract.js';
import { toRunSpec } from '../cli/kfp-package.js';
import type { KfpRun, KfpRuntimeState } from '../cli/kfp-types.js';
import type { PipelinePackage } from '../pipelines/ir/pipeline-spec.js';
import type { KfpRestClient } from './kfp-rest-client.js';
import { localImages, localImagesError } from './local-images.js';
import { remoteUiUrl } from './target-links.js';

export interface RunOnTargetInput {
  kfp: KfpRestClient;
  target: { name: string; url: string; uiUrl?: string };
  pkg: PipelinePackage;
  displayName: string;
  parameters?: Record<string, unknown>;
  experimentName?: string;
  allowLocalImages?: boolean;
}

export async function runOnTarget(input: RunOnTargetInput): Promise<TargetRunResult> {
  const images = localImages(input.pkg.pipelineSpec);
  if (images.length > 0 && input.allowLocalImages !== true) {
    throw localImagesError(input.target.name, images);
  }
  const experiment = await input.kfp.ensureExperiment(input.experimentName ?? 'Default');
  const run = await input.kfp.createRun({
    display_name: input.displayName,
    experiment_id: experiment.experiment_id,
    pipeline_spec: toRunSpec(input.pkg),
    ...(input.parameters !== undefined ? { runtime_config: { parameters: input.parameters } } : {}),
  });
  return {
    target: input.target.name,
    runId: run.run_id,
    url: remoteUiUrl(input.target, `/runs/details/${run.run_id}`),
  };
}

const FINAL: ReadonlySet<KfpRuntimeState> = new Set(['SUCCEEDED', 'FAILED', 'CANCELED', 'SKIPPED']);

export function isFinal(state: KfpRuntimeState | undefined): boolean {
  return state !== undefined && FINAL.has(state);
}

export interface FollowOptions {
  intervalMs?: number;
  /** Called when the run's state changes. */
  onState?: (run: KfpRun) => void;
  signal?: AbortSignal;
}

/** Polls until the run ends (or `signal` aborts); resolves with the final run. */
export async function followRun(
  kfp: KfpRestClient,
  runId: string,
  options: FollowOptions = {},
): Promise<KfpRun> {
  let last: KfpRuntimeState | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const run = await kfp.getRun(runId);
    if (run.state !== last) {
      last = run.state;
      options.onState?.(run);
    }
    if (isFinal(run.state)) return run;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
  }
}
