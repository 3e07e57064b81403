import { notFound } from '../../../core/errors.js';
import type { PipelineVersionRecord } from '../../../pipelines/store/pipeline-version-repository.js';
import { sendJson } from '../../http-errors.js';
import { readJsonBody } from '../../request-body.js';
import type { Route } from '../../router.js';
import type { KfpContext } from './kfp-context.js';
import type { KfpListPipelineVersionsResponse } from './kfp-types.js';
import { listRequest } from './list-params.js';
import { createVersion } from './pipeline-creation.js';
import { pipelineVersionJson } from './pipeline-json.js';
import { MAX_BODY_BYTES } from './pipeline-routes.js';
import { asObject } from './request-fields.js';
import { versionInputFromBody } from './version-body.js';

const BASE = '/apis/v2beta1/pipelines/:pipelineId/versions';

/** A version of the pipeline in the path, or NOT_FOUND. */
function versionOf(ctx: KfpContext, pipelineId: string, versionId: string): PipelineVersionRecord {
  if (!ctx.pipelines.get(pipelineId)) throw notFound('Pipeline', pipelineId);
  const version = ctx.versions.get(versionId);
  if (!version || version.pipelineId !== pipelineId)
    throw notFound(`Pipeline version of pipeline "${pipelineId}"`, versionId);
  return version;
}

/** Versions of a pipeline: create from a package URL or an inline spec, list, get, delete. */
export function pipelineVersionRoutes(ctx: KfpContext): Route[] {
  return [
    {
      method: 'POST',
      path: BASE,
      handler: async ({ req, params, res }) => {
        const pipelineId = params.pipelineId ?? '';
        if (!ctx.pipelines.get(pipelineId)) throw notFound('Pipeline', pipelineId);
        const body = asObject(await readJsonBody(req, MAX_BODY_BYTES), 'body');
        const input = await versionInputFromBody(body, '');
        sendJson(
          res,
          200,
          pipelineVersionJson(createVersion(ctx, pipelineId, input, input.fileName)),
        );
      },
    },
    {
      method: 'GET',
      path: BASE,
      handler: ({ params, url, res }) => {
        const pipelineId = params.pipelineId ?? '';
        if (!ctx.pipelines.get(pipelineId)) throw notFound('Pipeline', pipelineId);
        const page = ctx.versions.list(pipelineId, listRequest(url));
        const body: KfpListPipelineVersionsResponse = {
          pipeline_versions: page.rows.map(pipelineVersionJson),
          total_size: page.totalSize,
          ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
        };
        sendJson(res, 200, body);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/:versionId`,
      handler: ({ params, res }) => {
        sendJson(
          res,
          200,
          pipelineVersionJson(versionOf(ctx, params.pipelineId ?? '', params.versionId ?? '')),
        );
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/:versionId`,
      handler: ({ params, res }) => {
        const version = versionOf(ctx, params.pipelineId ?? '', params.versionId ?? '');
        ctx.versions.delete(version.pipelineVersionId);
        sendJson(res, 200, {});
      },
    },
  ];
}
