import { SkiffError, notFound } from '../../../core/errors.js';
import { sendJson } from '../../http-errors.js';
import { readJsonBody } from '../../request-body.js';
import type { Route } from '../../router.js';
import type { KfpContext } from './kfp-context.js';
import type { KfpListPipelinesResponse } from './kfp-types.js';
import { booleanParam, listNamespace, listRequest } from './list-params.js';
import {
  createPipeline,
  createPipelineWithVersion,
  type PipelineInput,
} from './pipeline-creation.js';
import { pipelineJson } from './pipeline-json.js';
import {
  asObject,
  optionalObject,
  optionalString,
  stringMap,
  type JsonObject,
} from './request-fields.js';
import { versionInputFromBody } from './version-body.js';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;
const BASE = '/apis/v2beta1/pipelines';

function pipelineInput(body: JsonObject, prefix = ''): PipelineInput {
  return {
    name: optionalString(body, 'name', prefix),
    displayName: optionalString(body, 'display_name', prefix),
    description: optionalString(body, 'description', prefix),
    namespace: optionalString(body, 'namespace', prefix),
    tags: stringMap(body.tags, `${prefix}tags`),
  };
}

/** Pipelines: create (with or without a first version), list, get by id or name, delete. */
export function pipelineRoutes(ctx: KfpContext): Route[] {
  return [
    {
      method: 'POST',
      path: BASE,
      handler: async ({ req, res }) => {
        const body = asObject(await readJsonBody(req, MAX_BODY_BYTES), 'body');
        sendJson(res, 200, pipelineJson(createPipeline(ctx, pipelineInput(body))));
      },
    },
    {
      method: 'POST',
      path: `${BASE}/create`,
      handler: async ({ req, res }) => {
        const body = asObject(await readJsonBody(req, MAX_BODY_BYTES), 'body');
        const pipeline = optionalObject(body, 'pipeline') ?? {};
        const version = optionalObject(body, 'pipeline_version') ?? {};
        const input = await versionInputFromBody(version, 'pipeline_version.');
        const created = createPipelineWithVersion(
          ctx,
          pipelineInput(pipeline, 'pipeline.'),
          input,
          input.fileName,
        );
        sendJson(res, 200, pipelineJson(created.pipeline));
      },
    },
    {
      method: 'GET',
      path: BASE,
      handler: ({ url, res }) => {
        const page = ctx.pipelines.list(listRequest(url), listNamespace(url));
        const body: KfpListPipelinesResponse = {
          pipelines: page.rows.map(pipelineJson),
          total_size: page.totalSize,
          ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
        };
        sendJson(res, 200, body);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/names/:name`,
      handler: ({ params, url, res }) => {
        const name = params.name ?? '';
        const namespace = url.searchParams.get('namespace') ?? '';
        const pipeline = ctx.pipelines.getByName(namespace, name);
        if (!pipeline) {
          throw new SkiffError(
            'NOT_FOUND',
            `No pipeline is named "${name}"${namespace ? ` in namespace "${namespace}"` : ''}.`,
            { name },
          );
        }
        sendJson(res, 200, pipelineJson(pipeline));
      },
    },
    {
      method: 'GET',
      path: `${BASE}/:pipelineId`,
      handler: ({ params, res }) => {
        const id = params.pipelineId ?? '';
        const pipeline = ctx.pipelines.get(id);
        if (!pipeline) throw notFound('Pipeline', id);
        sendJson(res, 200, pipelineJson(pipeline));
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/:pipelineId`,
      handler: ({ params, url, res }) => {
        const id = params.pipelineId ?? '';
        if (!ctx.pipelines.get(id)) throw notFound('Pipeline', id);
        const versions = ctx.versions.countByPipeline(id);
        if (versions > 0 && !booleanParam(url, 'cascade')) {
          throw new SkiffError(
            'FAILED_PRECONDITION',
            `Pipeline "${id}" has ${versions} version(s). Delete them first, or delete with ?cascade=true to remove the pipeline and all its versions.`,
            { pipelineId: id, versions },
          );
        }
        ctx.pipelines.delete(id);
        sendJson(res, 200, {});
      },
    },
  ];
}
