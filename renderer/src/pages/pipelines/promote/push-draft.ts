import type { PushRequest, PushResult } from '@skiff/engine/api-contract';
import { ApiError } from '../../../api/api-error';
import { unwrapSpec } from '../../../graph/spec-graph';

export type ScheduleMode = 'none' | 'cron' | 'interval';

/** The Push to target… form as text. */
export interface PushDraft {
  target: string;
  versionName: string;
  scheduleMode: ScheduleMode;
  cron: string;
  intervalSeconds: string;
  force: boolean;
  /** Push although the pipeline uses images built here (the cluster has them). */
  allowLocalImages: boolean;
}

export type PushErrors = Partial<
  Record<'target' | 'versionName' | 'cron' | 'intervalSeconds', string>
>;

export function emptyPushDraft(target = '', versionName = ''): PushDraft {
  return {
    target,
    versionName,
    scheduleMode: 'none',
    cron: '',
    intervalSeconds: '3600',
    force: false,
    allowLocalImages: false,
  };
}

/**
 * The request for the chosen pipeline version, or the errors by field. KFP's cron has
 * six fields (seconds first); the parameters are the version's defaults, sent as is.
 */
export function pushRequestFromDraft(
  draft: PushDraft,
  pipelineId: string,
  versionId: string | undefined,
  parameters: Record<string, unknown> = {},
): { ok: true; target: string; request: PushRequest } | { ok: false; errors: PushErrors } {
  const errors: PushErrors = {};
  if (!draft.target) errors.target = 'Target: choose where to push.';
  const versionName = draft.versionName.trim();
  let schedule: PushRequest['schedule'];
  if (draft.scheduleMode === 'cron') {
    const cron = draft.cron.trim();
    if (cron.split(/\s+/).length !== 6) {
      errors.cron =
        'Cron: KFP needs 6 fields (second minute hour day month weekday), e.g. “0 0 * * * *”.';
    } else schedule = { cron };
  } else if (draft.scheduleMode === 'interval') {
    const seconds = Number(draft.intervalSeconds.trim());
    if (!Number.isInteger(seconds) || seconds < 1) {
      errors.intervalSeconds = 'Every: enter a whole number of seconds, at least 1.';
    } else schedule = { intervalSecond: seconds };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const request: PushRequest = { pipelineId };
  if (versionId) request.versionId = versionId;
  if (versionName) request.versionName = versionName;
  if (schedule) request.schedule = schedule;
  if (Object.keys(parameters).length > 0) request.parameters = parameters;
  if (draft.force) request.force = true;
  if (draft.allowLocalImages) request.allowLocalImages = true;
  return { ok: true, target: draft.target, request };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The version's pipeline parameters that have a default, by name. */
export function defaultParameters(
  spec: Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (!spec) return {};
  const root = record(unwrapSpec(spec)['root']);
  const params = record(record(root['inputDefinitions'])['parameters']);
  const defaults: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(params)) {
    const value = record(definition)['defaultValue'];
    if (value !== undefined) defaults[name] = value;
  }
  return defaults;
}

/** What a push answer means for the dialog: nothing to do, a diff to confirm, or done. */
export function pushOutcome(result: PushResult): 'unchanged' | 'needs-force' | 'pushed' {
  if (result.unchanged) return 'unchanged';
  if (result.uploaded === false && result.diff !== undefined) return 'needs-force';
  return 'pushed';
}

/** The locally built images an engine refusal names (FAILED_PRECONDITION, field localImages). */
export function refusedLocalImages(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.details['field'] !== 'localImages') return [];
  const images = error.details['localImages'];
  return Array.isArray(images) ? images.filter((i): i is string => typeof i === 'string') : [];
}
