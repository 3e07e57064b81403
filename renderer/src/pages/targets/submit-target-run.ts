import type { TargetRunRequest, TargetRunResult } from '@skiff/engine/api-contract';
import type { RunDraft } from '../run-create/run-draft';
import { remoteRunHref } from './remote-run-state';

export type RunOnTarget = (target: string, body: TargetRunRequest) => Promise<TargetRunResult>;

export type TargetSubmitResult =
  { ok: true; href: string } | { ok: false; errors: Record<string, string>; message: string };

/** The request for a one-off run of a stored local pipeline version on a target. */
export function targetRunRequest(
  draft: RunDraft,
  parameters: Record<string, unknown>,
  fallbackName: string,
): { ok: true; request: TargetRunRequest } | { ok: false; errors: Record<string, string> } {
  if (draft.kind === 'recurring') {
    return {
      ok: false,
      errors: { runOn: 'Run on: a recurring run on a target is made by Push to target… instead.' },
    };
  }
  if (!draft.pipelineId || !draft.versionId) {
    return {
      ok: false,
      errors: { pipeline: 'A run on a target needs a stored pipeline and version.' },
    };
  }
  const request: TargetRunRequest = {
    pipelineId: draft.pipelineId,
    versionId: draft.versionId,
    displayName: draft.name.trim() || fallbackName,
    parameters,
  };
  // Local experiment ids mean nothing there; only a new experiment's name carries over.
  const experimentName = draft.newExperimentName.trim();
  if (draft.experimentMode === 'new' && experimentName) request.experimentName = experimentName;
  return { ok: true, request };
}

/** Starts the run on the target; on success the href of the page that follows it. */
export async function submitToTarget(
  target: string,
  draft: RunDraft,
  parameters: Record<string, unknown>,
  runOnTarget: RunOnTarget,
  fallbackName: string,
): Promise<TargetSubmitResult> {
  const built = targetRunRequest(draft, parameters, fallbackName);
  if (!built.ok) {
    return { ok: false, errors: built.errors, message: Object.values(built.errors).join(' ') };
  }
  try {
    const started = await runOnTarget(target, built.request);
    return { ok: true, href: remoteRunHref(started.target || target, started.runId, started.url) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: {}, message: `Could not start the run on ${target}: ${message}` };
  }
}
