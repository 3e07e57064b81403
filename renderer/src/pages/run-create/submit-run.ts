import type { CreateExperimentRequest, KfpExperimentDetail } from '../../api/kfp-experiments';
import type { CreateRecurringRunRequest, KfpRecurringRun } from '../../api/kfp-recurring-runs';
import type { KfpRun } from '../../api/kfp-types';
import { submitToTarget, type RunOnTarget } from '../targets/submit-target-run';
import { fieldErrorOf } from './engine-error';
import {
  prepareDraft,
  recurringRunBody,
  runBody,
  type RunDraft,
  type RunRequestBody,
} from './run-draft';
import type { FormField } from './run-form';

/** The calls a submit makes; the page passes the real clients, tests pass fakes. */
export interface SubmitApi {
  createExperiment: (body: CreateExperimentRequest) => Promise<KfpExperimentDetail>;
  createRun: (body: RunRequestBody) => Promise<KfpRun>;
  createRecurringRun: (body: CreateRecurringRunRequest) => Promise<KfpRecurringRun>;
  /** Starts the run on a Kubeflow target instead (Run on…). */
  runOnTarget?: RunOnTarget;
}

export type SubmitResult =
  | { ok: true; href: string }
  | { ok: false; errors: Record<string, string>; message: string; createdExperimentId?: string };

/**
 * Checks the draft, creates the new experiment when one is asked for, then the run or
 * recurring run. Engine errors come back keyed by the control their message names.
 */
export async function submitDraft(
  draft: RunDraft,
  fields: readonly FormField[],
  api: SubmitApi,
  fallbackName: string,
  /** A target's name to run there; empty for this machine. */
  runOn = '',
): Promise<SubmitResult> {
  const prepared = prepareDraft(draft, fields);
  if (!prepared.ok) {
    const first = Object.values(prepared.errors)[0] ?? 'Check the form.';
    const count = Object.keys(prepared.errors).length;
    return {
      ok: false,
      errors: prepared.errors,
      message: count > 1 ? `${first} (and ${count - 1} more to fix)` : first,
    };
  }
  if (runOn && api.runOnTarget) {
    return submitToTarget(runOn, draft, prepared.parameters, api.runOnTarget, fallbackName);
  }
  let experimentId = draft.experimentId || undefined;
  let createdExperimentId: string | undefined;
  try {
    if (draft.experimentMode === 'new') {
      const created = await api.createExperiment({ display_name: draft.newExperimentName.trim() });
      experimentId = created.experiment_id;
      createdExperimentId = experimentId;
    }
    if (draft.kind === 'recurring') {
      const created = await api.createRecurringRun(recurringRunBody(draft, prepared, experimentId));
      return { ok: true, href: `/recurring-runs/${encodeURIComponent(created.recurring_run_id)}` };
    }
    const run = await api.createRun(runBody(draft, prepared, experimentId, fallbackName));
    return { ok: true, href: `/runs/${encodeURIComponent(run.run_id)}` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const errors = fieldErrorOf(message);
    // The experiment exists now: a second try must not create it again.
    return createdExperimentId
      ? { ok: false, errors, message, createdExperimentId }
      : { ok: false, errors, message };
  }
}
