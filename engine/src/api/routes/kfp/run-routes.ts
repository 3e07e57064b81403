import { SkiffError, notFound } from '../../../core/errors.js';
import type { RuntimeState } from '../../../pipelines/scheduler/run-model.js';
import type { RunRecord } from '../../../pipelines/store/run-repository.js';
import { sendJson } from '../../http-errors.js';
import { readJsonBody } from '../../request-body.js';
import type { Route } from '../../router.js';
import { createRun } from './create-run.js';
import type { KfpContext } from './kfp-context.js';
import type { KfpListRunsResponse } from './kfp-types.js';
import { listNamespace, listRequest } from './list-params.js';
import { MAX_BODY_BYTES } from './pipeline-routes.js';
import { asObject } from './request-fields.js';
import { splitAction } from './resource-action.js';
import { runJson } from './run-json.js';

const BASE = '/apis/v2beta1/runs';
const ACTIVE: readonly RuntimeState[] = ['PENDING', 'RUNNING', 'CANCELING', 'PAUSED'];
const ACTIONS = ['terminate', 'retry', 'archive', 'unarchive'] as const;

function runOf(ctx: KfpContext, id: string): RunRecord {
  const run = ctx.runs.get(id);
  if (!run) throw notFound('Run', id);
  return run;
}

/** Runs: create, list, get (with task details), delete, and :terminate/:retry/:archive/:unarchive. */
export function runRoutes(ctx: KfpContext): Route[] {
  return [
    {
      method: 'POST',
      path: BASE,
      handler: async ({ req, url, res }) => {
        const body = asObject(await readJsonBody(req, MAX_BODY_BYTES), 'body');
        const run = createRun(ctx, body, url.searchParams.get('experiment_id') || undefined);
        sendJson(res, 200, runJson(run));
      },
    },
    {
      method: 'GET',
      path: BASE,
      handler: ({ url, res }) => {
        const experimentId = url.searchParams.get('experiment_id') || undefined;
        const namespace = listNamespace(url);
        const page = ctx.runs.list(listRequest(url), {
          ...(experimentId ? { experimentId } : {}),
          ...(namespace !== undefined ? { namespace } : {}),
        });
        const body: KfpListRunsResponse = {
          runs: page.rows.map((run) => runJson(run)),
          total_size: page.totalSize,
          ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
        };
        sendJson(res, 200, body);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/:runId`,
      handler: ({ params, res }) => {
        const run = runOf(ctx, params.runId ?? '');
        const tasks = ctx.tasks.listByRun(run.runId);
        sendJson(res, 200, runJson(run, { tasks, lookup: (ids) => ctx.artifactIds.lookup(ids) }));
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/:runId`,
      handler: ({ params, res }) => {
        const run = runOf(ctx, params.runId ?? '');
        if (ACTIVE.includes(run.state)) {
          throw new SkiffError(
            'FAILED_PRECONDITION',
            `Run "${run.displayName}" is ${run.state}. Terminate it first (POST /apis/v2beta1/runs/${run.runId}:terminate), then delete it.`,
            { runId: run.runId, state: run.state },
          );
        }
        ctx.runs.delete(run.runId);
        sendJson(res, 200, {});
      },
    },
    {
      method: 'POST',
      path: `${BASE}/:runIdAction`,
      handler: ({ params, url, res }) => {
        const { id, action } = splitAction(params.runIdAction ?? '', ACTIONS, url.pathname);
        const run = runOf(ctx, id);
        switch (action) {
          case 'terminate':
            ctx.launcher.terminate(id);
            break;
          case 'retry':
            ctx.launcher.retry(id);
            break;
          case 'archive':
            ctx.runs.setStorageState(id, 'ARCHIVED');
            break;
          case 'unarchive':
            unarchive(ctx, run);
            break;
        }
        sendJson(res, 200, {});
      },
    },
  ];
}

function unarchive(ctx: KfpContext, run: RunRecord): void {
  const experiment = run.experimentId ? ctx.experiments.get(run.experimentId) : undefined;
  if (experiment?.storageState === 'ARCHIVED') {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Run "${run.displayName}" is in the archived experiment "${experiment.displayName}"; unarchive the experiment first.`,
      { runId: run.runId, experimentId: experiment.experimentId },
    );
  }
  ctx.runs.setStorageState(run.runId, 'AVAILABLE');
}
