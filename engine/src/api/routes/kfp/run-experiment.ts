import { SkiffError, notFound } from '../../../core/errors.js';
import type { ExperimentRecord } from '../../../pipelines/store/experiment-repository.js';
import type { KfpContext } from './kfp-context.js';

export const DEFAULT_EXPERIMENT = 'Default';

/**
 * The experiment a new run goes into: the one named (which must exist and be available),
 * or the namespace's "Default" experiment, created the first time a run needs it.
 * Call inside the run's transaction.
 */
export function experimentForRun(
  ctx: KfpContext,
  experimentId: string | undefined,
  namespace: string,
): ExperimentRecord {
  if (experimentId) {
    const experiment = ctx.experiments.get(experimentId);
    if (!experiment) throw notFound('Experiment', experimentId);
    if (experiment.storageState === 'ARCHIVED') {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `Experiment "${experiment.displayName}" is archived; unarchive it (POST /apis/v2beta1/experiments/${experimentId}:unarchive) or run in another experiment.`,
        { experimentId },
      );
    }
    return experiment;
  }
  const existing = ctx.experiments.findByName(namespace, DEFAULT_EXPERIMENT);
  if (existing) {
    if (existing.storageState === 'ARCHIVED') {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `The default experiment "${DEFAULT_EXPERIMENT}" is archived; unarchive it or give the run an experiment_id.`,
        { experimentId: existing.experimentId },
      );
    }
    return existing;
  }
  const created: ExperimentRecord = {
    experimentId: ctx.ids.next(),
    displayName: DEFAULT_EXPERIMENT,
    description: 'Runs created without an experiment.',
    namespace,
    storageState: 'AVAILABLE',
    createdAt: ctx.now(),
  };
  ctx.experiments.insert(created);
  return created;
}
