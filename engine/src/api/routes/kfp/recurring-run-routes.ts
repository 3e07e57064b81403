import { notFound } from '../../../core/errors.js';
import type { RecurringRunRecord } from '../../../pipelines/store/recurring-run-repository.js';
import { sendJson } from '../../http-errors.js';
import { readJsonBody } from '../../request-body.js';
import type { Route } from '../../router.js';
import type { KfpContext } from './kfp-context.js';
import { listNamespace, listRequest } from './list-params.js';
import { MAX_BODY_BYTES } from './pipeline-routes.js';
import { createRecurringRun } from './recurring-run-create.js';
import { recurringRunJson, type KfpListRecurringRunsResponse } from './recurring-run-json.js';
import { asObject } from './request-fields.js';
import { splitAction } from './resource-action.js';

const BASE = '/apis/v2beta1/recurringruns';

function recurringRunOf(ctx: KfpContext, id: string): RecurringRunRecord {
  const recurring = ctx.recurringRuns.get(id);
  if (!recurring) throw notFound('Recurring run', id);
  return recurring;
}

/**
 * Recurring runs: create, list, get, delete, `:enable` and `:disable`. The runs each one
 * triggered are listed with `GET /apis/v2beta1/runs?filter=` on `recurring_run_id`.
 */
export function recurringRunRoutes(ctx: KfpContext): Route[] {
  return [
    {
      method: 'POST',
      path: BASE,
      handler: async ({ req, res }) => {
        const body = asObject(await readJsonBody(req, MAX_BODY_BYTES), 'body');
        const recurring = createRecurringRun(ctx, body);
        ctx.recurring?.wake();
        sendJson(res, 200, recurringRunJson(recurring));
      },
    },
    {
      method: 'GET',
      path: BASE,
      handler: ({ url, res }) => {
        const experimentId = url.searchParams.get('experiment_id') || undefined;
        const namespace = listNamespace(url);
        const page = ctx.recurringRuns.list(listRequest(url), {
          ...(experimentId ? { experimentId } : {}),
          ...(namespace !== undefined ? { namespace } : {}),
        });
        const body: KfpListRecurringRunsResponse = {
          recurringRuns: page.rows.map(recurringRunJson),
          total_size: page.totalSize,
          ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
        };
        sendJson(res, 200, body);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/:recurringRunId`,
      handler: ({ params, res }) =>
        sendJson(res, 200, recurringRunJson(recurringRunOf(ctx, params.recurringRunId ?? ''))),
    },
    {
      method: 'DELETE',
      path: `${BASE}/:recurringRunId`,
      handler: ({ params, res }) => {
        // Its runs stay (unfinished ones finish); they just no longer point at it.
        const recurring = recurringRunOf(ctx, params.recurringRunId ?? '');
        ctx.recurringRuns.delete(recurring.recurringRunId);
        sendJson(res, 200, {});
      },
    },
    {
      method: 'POST',
      path: `${BASE}/:recurringRunIdAction`,
      handler: ({ params, url, res }) => {
        const { id, action } = splitAction(
          params.recurringRunIdAction ?? '',
          ['enable', 'disable'],
          url.pathname,
        );
        recurringRunOf(ctx, id);
        ctx.recurringRuns.setMode(id, action === 'enable' ? 'ENABLE' : 'DISABLE', ctx.now());
        ctx.recurring?.wake();
        sendJson(res, 200, {});
      },
    },
  ];
}
