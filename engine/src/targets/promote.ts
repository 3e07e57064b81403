/**
 * Promotes a pipeline (one IR package) to a target. Everything that can be refused is
 * checked before the first write; the IR is compared with the target's latest version so
 * an unchanged pipeline uploads nothing and a changed one shows its diff first; anything
 * created before a later step fails is deleted again, so the target is never left with
 * half a push.
 */
import { createHash } from 'node:crypto';
import type { PushRequest, PushResult } from '../api/contract.js';
import { fromRunSpec } from '../cli/kfp-package.js';
import type { KfpPipelineVersion } from '../cli/kfp-types.js';
import { SkiffError } from '../core/errors.js';
import { exportPackageYaml } from '../packages/export-yaml.js';
import { normalizePackage } from '../packages/normalize-package.js';
import type { PipelinePackage } from '../pipelines/ir/pipeline-spec.js';
import type { KfpRestClient, RecurringTrigger } from './kfp-rest-client.js';
import { unifiedDiff } from './line-diff.js';
import { localImages, localImagesError } from './local-images.js';
import { remoteUiUrl } from './target-links.js';

export interface PromoteInput {
  kfp: KfpRestClient;
  target: { name: string; url: string; uiUrl?: string };
  pipelineName: string;
  pkg: PipelinePackage;
  versionName?: string;
  schedule?: PushRequest['schedule'];
  parameters?: Record<string, unknown>;
  force?: boolean;
  allowLocalImages?: boolean;
}

export async function promote(input: PromoteInput): Promise<PushResult> {
  const { kfp, pipelineName } = input;
  const images = localImages(input.pkg.pipelineSpec);
  if (images.length > 0 && input.allowLocalImages !== true) {
    throw localImagesError(input.target.name, images);
  }
  const trigger = input.schedule === undefined ? undefined : checkSchedule(input.schedule);
  const yaml = exportPackageYaml(normalizePackage(input.pkg));
  const bytes = new TextEncoder().encode(yaml);
  const versionName =
    input.versionName ?? `v-${createHash('sha256').update(yaml).digest('hex').slice(0, 8)}`;
  const link = (pipelineId: string, versionId: string): string =>
    remoteUiUrl(input.target, `/pipelines/details/${pipelineId}/version/${versionId}`);
  const base = { localImages: images };

  const existing = await kfp.findPipeline(pipelineName);
  // Undo steps for what this push created, run in order (a version before its pipeline).
  const undo: Array<() => Promise<void>> = [];
  try {
    return await write();
  } catch (error) {
    await rollBack(undo);
    throw error;
  }

  async function write(): Promise<PushResult> {
    let pipelineId: string;
    let version: KfpPipelineVersion;
    let diff: string | undefined;
    if (existing === undefined) {
      const pipeline = await kfp.uploadPipeline(bytes, `${pipelineName}.yaml`, pipelineName);
      pipelineId = pipeline.pipeline_id;
      const created = pipelineId;
      undo.push(() => kfp.deletePipeline(created));
      const versions = await kfp.listVersions(pipelineId);
      const first = latest(versions);
      if (first === undefined)
        throw new SkiffError(
          'INTERNAL',
          `${kfp.url} created pipeline "${pipelineName}" without a version.`,
        );
      undo.unshift(() => kfp.deleteVersion(created, first.pipeline_version_id));
      version = first;
    } else {
      pipelineId = existing.pipeline_id;
      const versions = await kfp.listVersions(pipelineId);
      const newest = latest(versions);
      const remoteYaml = newest === undefined ? '' : await remoteIr(kfp, newest);
      if (newest !== undefined && remoteYaml === yaml) {
        return {
          ...base,
          remotePipelineId: pipelineId,
          remoteVersionId: newest.pipeline_version_id,
          unchanged: true,
          uploaded: false,
          url: link(pipelineId, newest.pipeline_version_id),
        };
      }
      diff = unifiedDiff(
        remoteYaml,
        yaml,
        `${input.target.name}: ${newest?.display_name ?? newest?.name ?? 'latest'}`,
        `local: ${versionName}`,
      );
      if (input.force !== true) {
        const current = newest?.pipeline_version_id ?? '';
        return {
          ...base,
          remotePipelineId: pipelineId,
          remoteVersionId: current,
          diff,
          unchanged: false,
          uploaded: false,
          url: link(pipelineId, current),
        };
      }
      if (versions.some((v) => (v.name ?? v.display_name) === versionName)) {
        throw new SkiffError(
          'ALREADY_EXISTS',
          `Pipeline "${pipelineName}" on target "${input.target.name}" already has a version named "${versionName}" with different IR. Choose another name with --version NAME (versionName).`,
          { field: 'versionName' },
        );
      }
      version = await kfp.uploadVersion(bytes, `${pipelineName}.yaml`, pipelineId, versionName);
      const created = version.pipeline_version_id;
      undo.push(() => kfp.deleteVersion(pipelineId, created));
    }

    let recurringRunId: string | undefined;
    if (trigger !== undefined) {
      const { experiment, created } = await kfp.findOrCreateExperiment('Default');
      if (created) undo.push(() => kfp.deleteExperiment(experiment.experiment_id));
      const recurring = await kfp.createRecurringRun({
        display_name: `${pipelineName} (${versionName})`,
        pipeline_version_reference: {
          pipeline_id: pipelineId,
          pipeline_version_id: version.pipeline_version_id,
        },
        trigger,
        experiment_id: experiment.experiment_id,
        ...(input.parameters !== undefined
          ? { runtime_config: { parameters: input.parameters } }
          : {}),
        max_concurrency: '1',
        mode: 'ENABLE',
      });
      recurringRunId = recurring.recurring_run_id;
    }
    return {
      ...base,
      remotePipelineId: pipelineId,
      remoteVersionId: version.pipeline_version_id,
      ...(diff !== undefined ? { diff } : {}),
      unchanged: false,
      uploaded: true,
      ...(recurringRunId !== undefined ? { recurringRunId } : {}),
      url: link(pipelineId, version.pipeline_version_id),
    };
  }
}

/** KFP's 6-field cron (seconds first) or an interval; checked before anything is sent. */
export function checkSchedule(schedule: NonNullable<PushRequest['schedule']>): RecurringTrigger {
  if ('cron' in schedule) {
    const fields = schedule.cron.trim().split(/\s+/);
    if (fields.length !== 6) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `schedule.cron: "${schedule.cron}" has ${fields.length} fields; KFP cron has 6, seconds first, e.g. "0 0 * * * ?" (hourly).`,
        { field: 'schedule.cron' },
      );
    }
    return { cron_schedule: { cron: fields.join(' ') } };
  }
  if (!Number.isInteger(schedule.intervalSecond) || schedule.intervalSecond < 1) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      'schedule.intervalSecond: give a whole number of seconds ≥ 1.',
      { field: 'schedule.intervalSecond' },
    );
  }
  return { periodic_schedule: { interval_second: String(schedule.intervalSecond) } };
}

function latest(versions: KfpPipelineVersion[]): KfpPipelineVersion | undefined {
  return [...versions]
    .sort((a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? ''))
    .at(-1);
}

async function remoteIr(kfp: KfpRestClient, version: KfpPipelineVersion): Promise<string> {
  const full =
    version.pipeline_spec !== undefined
      ? version
      : await kfp.getVersion(version.pipeline_id, version.pipeline_version_id);
  const docs = fromRunSpec(full.pipeline_spec);
  return docs === undefined ? '' : exportPackageYaml(normalizePackage(docs));
}

/**
 * Deletes what this push created. A failing delete does not replace the error the user
 * must see (why the push failed); the next push finds and reuses what stayed.
 */
async function rollBack(undo: Array<() => Promise<void>>): Promise<void> {
  for (const step of undo) {
    await step().catch(() => undefined);
  }
}
