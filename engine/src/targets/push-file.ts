/**
 * `skiff pipeline push FILE --target X` and `skiff run create FILE --target X`: a compiled
 * pipeline file sent to a target straight from the CLI (no engine needed), with the
 * run followed until it ends.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PushResult, TargetRunResult } from '../api/contract.js';
import { readPipelinePackage } from '../cli/kfp-package.js';
import type { KfpRun } from '../cli/kfp-types.js';
import { SkiffError } from '../core/errors.js';
import type { PipelinePackage } from '../pipelines/ir/pipeline-spec.js';
import { promote, type PromoteInput } from './promote.js';
import { followRun, runOnTarget } from './run-on-target.js';
import { openTargetFromHome } from './target-files.js';

export async function readPackageFile(file: string): Promise<PipelinePackage> {
  const bytes = await readFile(file).catch((error: unknown) => {
    throw new SkiffError(
      'NOT_FOUND',
      `Cannot read ${file}: ${(error as Error).message}`,
      { file },
      { cause: error },
    );
  });
  return readPipelinePackage(bytes, basename(file));
}

export async function pushFile(
  home: string,
  targetName: string,
  file: string,
  options: Pick<PromoteInput, 'versionName' | 'schedule' | 'force' | 'allowLocalImages'> & {
    name?: string;
  },
): Promise<PushResult> {
  const pkg = await readPackageFile(file);
  const { target, kfp } = await openTargetFromHome(home, targetName);
  return promote({
    ...options,
    kfp,
    target,
    pipelineName: options.name ?? pkg.pipelineSpec.pipelineInfo.name,
    pkg,
  });
}

export async function runFileOnTarget(
  home: string,
  targetName: string,
  pkg: PipelinePackage,
  options: {
    displayName: string;
    parameters?: Record<string, unknown>;
    experimentName?: string;
    allowLocalImages?: boolean;
    watch?: { onState: (run: KfpRun) => void; intervalMs?: number };
  },
): Promise<{ created: TargetRunResult; final?: KfpRun }> {
  const { target, kfp } = await openTargetFromHome(home, targetName);
  const { watch, ...rest } = options;
  const created = await runOnTarget({ ...rest, kfp, target, pkg });
  if (watch === undefined) return { created };
  const final = await followRun(kfp, created.runId, {
    onState: watch.onState,
    ...(watch.intervalMs !== undefined ? { intervalMs: watch.intervalMs } : {}),
  });
  return { created, final };
}
