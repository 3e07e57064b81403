/**
 * /api/v1/targets: Kubeflow targets, "Test connection", push (promote) and runs on them.
 * The targets code (zod, YAML, the diff) is imported on first use, like the KFP routes.
 */
import type { ImagesPushRequest, PushRequest, TargetRunRequest } from '../contract.js';
import { API_ROUTES } from '../contract.js';
import type { Engine } from '../../core/engine.js';
import { invalidArgument } from '../../core/errors.js';
import type { TargetService } from '../../targets/target-service.js';
import { sendJson } from '../http-errors.js';
import { readJsonBody } from '../request-body.js';
import type { RequestContext, Route } from '../router.js';

export function targetRoutes(engine: Engine, local: () => { url: string; token: string }): Route[] {
  let loaded: Promise<TargetService> | undefined;
  const service = (): Promise<TargetService> =>
    (loaded ??= import('../../targets/target-service.js').then(
      ({ TargetService: Service }) =>
        new Service({
          homeRoot: engine.config.home.root,
          settings: () => engine.settings(),
          updateSettings: (patch) => engine.updateSettings(patch),
          local: local(),
        }),
    ));
  const name = (ctx: RequestContext): string => ctx.params.name ?? '';
  return [
    // Before `:name/push`, which would otherwise take "images" for a target name.
    imagesPushRoute(service),
    {
      method: 'GET',
      path: '/api/v1/targets',
      handler: async ({ res }) => sendJson(res, 200, (await service()).list()),
    },
    {
      method: 'GET',
      path: '/api/v1/targets/:name',
      handler: async (ctx) => sendJson(ctx.res, 200, await (await service()).store.view(name(ctx))),
    },
    {
      method: 'PUT',
      path: '/api/v1/targets/:name',
      handler: async (ctx) => {
        const body = await readJsonBody(ctx.req);
        sendJson(ctx.res, 200, await (await service()).store.put(name(ctx), body));
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/targets/:name',
      handler: async (ctx) => {
        await (await service()).store.remove(name(ctx));
        ctx.res.writeHead(204).end();
      },
    },
    {
      method: 'POST',
      path: '/api/v1/targets/:name/test',
      handler: async (ctx) => sendJson(ctx.res, 200, await (await service()).test(name(ctx))),
    },
    {
      method: 'POST',
      path: '/api/v1/targets/:name/push',
      handler: async (ctx) => {
        const body = objectBody(await readJsonBody(ctx.req)) as PushRequest;
        sendJson(ctx.res, 200, await (await service()).push(name(ctx), body));
      },
    },
    {
      method: 'POST',
      path: '/api/v1/targets/:name/runs',
      handler: async (ctx) => {
        const body = objectBody(await readJsonBody(ctx.req)) as TargetRunRequest;
        sendJson(ctx.res, 201, await (await service()).run(name(ctx), body));
      },
    },
    {
      method: 'GET',
      path: '/api/v1/targets/:name/runs/:runId',
      handler: async (ctx) =>
        sendJson(ctx.res, 200, await (await service()).getRun(name(ctx), ctx.params.runId ?? '')),
    },
  ];
}

/** Fields are checked by the service; here only that the body is an object at all. */
function objectBody(body: unknown): object {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidArgument('body', 'send a JSON object, e.g. {"pipelineId": "…"}');
  }
  return body;
}

/** Retags and pushes a local pipeline version's locally built images to a registry. */
function imagesPushRoute(service: () => Promise<TargetService>): Route {
  return {
    method: 'POST',
    path: API_ROUTES.targetImagesPush,
    handler: async (ctx) => {
      const body = objectBody(await readJsonBody(ctx.req)) as ImagesPushRequest;
      if (typeof body.registry !== 'string' || body.registry === '') {
        throw invalidArgument('registry', 'give HOST:PORT[/prefix], e.g. "127.0.0.1:5000"');
      }
      const local = await (await service()).readLocal(body.pipelineId, body.versionId);
      const { pushPipelineImages } = await import('../../targets/images/push-pipeline-images.js');
      const pushed = await pushPipelineImages(local.pkg, body.registry, body.auth);
      sendJson(ctx.res, 200, { pushed });
    },
  };
}
