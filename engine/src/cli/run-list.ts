/** `skiff run list`: runs newest first, narrowed to an experiment and a state. */
import { SkiffError } from '../core/errors.js';
import type { KfpClient } from './kfp-client.js';
import { collectPages, findExperiment } from './kfp-lookup.js';
import type { KfpRun, KfpRuntimeState } from './kfp-types.js';

export const RUN_STATES: readonly KfpRuntimeState[] = [
  'PENDING',
  'RUNNING',
  'SUCCEEDED',
  'SKIPPED',
  'FAILED',
  'CANCELING',
  'CANCELED',
  'PAUSED',
];

export interface RunListFilter {
  experiment?: string | undefined;
  state?: KfpRuntimeState | undefined;
  limit: number;
}

/** Checks `--state` and `--limit` before anything is asked of the engine. */
export function runListFilter(options: {
  experiment?: string | undefined;
  state?: string | undefined;
  limit?: string | undefined;
}): RunListFilter {
  const state = options.state?.toUpperCase();
  if (state !== undefined && !(RUN_STATES as readonly string[]).includes(state)) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `--state: "${options.state ?? ''}" is not a run state; use one of ${RUN_STATES.join(', ')}.`,
      { field: '--state' },
    );
  }
  const limit = options.limit === undefined ? 50 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `--limit: "${options.limit ?? ''}" is not a positive whole number.`,
      { field: '--limit' },
    );
  }
  return { experiment: options.experiment, state: state as KfpRuntimeState | undefined, limit };
}

export async function listRuns(kfp: KfpClient, filter: RunListFilter): Promise<KfpRun[]> {
  let experimentId: string | undefined;
  if (filter.experiment !== undefined) {
    const experiment = await findExperiment(kfp, filter.experiment);
    if (experiment === undefined) {
      throw new SkiffError(
        'NOT_FOUND',
        `No experiment has the id or name "${filter.experiment}".`,
        { experiment: filter.experiment },
      );
    }
    experimentId = experiment.experiment_id;
  }
  const runs = await collectPages(
    async (pageToken) => {
      const page = await kfp.listRuns({
        pageSize: 100,
        sortBy: 'created_at desc',
        ...(experimentId !== undefined ? { experimentId } : {}),
        ...(pageToken !== undefined ? { pageToken } : {}),
      });
      return { items: page.runs ?? [], next: page.next_page_token };
    },
    filter.limit,
    (run) => filter.state === undefined || run.state === filter.state,
  );
  return runs.sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''));
}
