import { invalidArgument, notFound } from '../../../core/errors.js';
import type { ExperimentRecord } from '../../../pipelines/store/experiment-repository.js';
import { sendJson } from '../../http-errors.js';
import { readJsonBody } from '../../request-body.js';
import type { Route } from '../../router.js';
import { experimentJson } from './experiment-json.js';
import type { KfpContext } from './kfp-context.js';
import type { KfpListExperimentsResponse } from './kfp-types.js';
import { listNamespace, listRequest } from './list-params.js';
import { asObject, optionalString } from './request-fields.js';
import { splitAction } from './resource-action.js';

const BASE = '/apis/v2beta1/experiments';

function experimentOf(ctx: KfpContext, id: string): ExperimentRecord {
  const experiment = ctx.experiments.get(id);
  if (!experiment) throw notFound('Experiment', id);
  return experiment;
}

/** Experiments: create, list, get, delete, `:archive` (with its runs) and `:unarchive`. */
export function experimentRoutes(ctx: KfpContext): Route[] {
  return [
    {
      method: 'POST',
      path: BASE,
      handler: async ({ req, res }) => {
        const body = asObject(await readJsonBody(req), 'body');
        const displayName = optionalString(body, 'display_name')?.trim();
        if (!displayName) throw invalidArgument('display_name', 'is required; name the experiment');
        const experiment: ExperimentRecord = {
          experimentId: ctx.ids.next(),
          displayName,
          description: optionalString(body, 'description') ?? '',
          namespace: optionalString(body, 'namespace') ?? '',
          storageState: 'AVAILABLE',
          createdAt: ctx.now(),
        };
        ctx.experiments.insert(experiment);
        sendJson(res, 200, experimentJson(experiment));
      },
    },
    {
      method: 'GET',
      path: BASE,
      handler: ({ url, res }) => {
        const page = ctx.experiments.list(listRequest(url), listNamespace(url));
        const body: KfpListExperimentsResponse = {
          experiments: page.rows.map(experimentJson),
          total_size: page.totalSize,
          ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
        };
        sendJson(res, 200, body);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/:experimentId`,
      handler: ({ params, res }) =>
        sendJson(res, 200, experimentJson(experimentOf(ctx, params.experimentId ?? ''))),
    },
    {
      method: 'DELETE',
      path: `${BASE}/:experimentId`,
      handler: ({ params, res }) => {
        const experiment = experimentOf(ctx, params.experimentId ?? '');
        ctx.experiments.delete(experiment.experimentId);
        sendJson(res, 200, {});
      },
    },
    {
      method: 'POST',
      path: `${BASE}/:experimentIdAction`,
      handler: ({ params, url, res }) => {
        const { id, action } = splitAction(
          params.experimentIdAction ?? '',
          ['archive', 'unarchive'],
          url.pathname,
        );
        experimentOf(ctx, id);
        ctx.transaction(() => {
          if (action === 'archive') {
            // As KFP does: archiving an experiment archives its runs; unarchiving restores only the experiment.
            ctx.experiments.setStorageState(id, 'ARCHIVED');
            ctx.runs.archiveByExperiment(id);
          } else {
            ctx.experiments.setStorageState(id, 'AVAILABLE');
          }
        });
        sendJson(res, 200, {});
      },
    },
  ];
}
