/**
 * /api/v1/cluster: the local cluster's status, lifecycle and images. Long work answers
 * 202 with the operation to follow. The service is built on first use (see the loader).
 */
import type { ClusterService } from '../../cluster/service/cluster-service.js';
import { loadImages, saveImages } from '../../cluster/service/cluster-images.js';
import {
  clusterImages,
  clusterPreflight,
  clusterStatus,
} from '../../cluster/service/cluster-queries.js';
import { sendJson } from '../http-errors.js';
import { readJsonBody } from '../request-body.js';
import type { Route } from '../router.js';

export type ClusterServiceLoader = () => Promise<ClusterService>;

export function clusterRoutes(load: ClusterServiceLoader): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/cluster',
      handler: async ({ res }) => sendJson(res, 200, await clusterStatus(await load())),
    },
    {
      method: 'POST',
      path: '/api/v1/cluster',
      handler: async ({ req, res }) => {
        const body = await readJsonBody(req);
        sendJson(res, 202, (await load()).create(body));
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/cluster',
      handler: async ({ res }) => sendJson(res, 202, (await load()).delete()),
    },
    {
      method: 'POST',
      path: '/api/v1/cluster/start',
      handler: async ({ res }) => sendJson(res, 202, (await load()).start()),
    },
    {
      method: 'POST',
      path: '/api/v1/cluster/stop',
      handler: async ({ res }) => sendJson(res, 202, (await load()).stop()),
    },
    {
      method: 'GET',
      path: '/api/v1/cluster/preflight',
      handler: async ({ url, res }) => {
        const query = url.searchParams;
        const preflight = await clusterPreflight(await load(), {
          provider: query.get('provider'),
          profile: query.get('profile'),
          gpus: query.get('gpus'),
        });
        sendJson(res, 200, preflight);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/cluster/images',
      handler: async ({ url, res }) =>
        sendJson(res, 200, await clusterImages(await load(), url.searchParams.get('profile'))),
    },
    {
      method: 'POST',
      path: '/api/v1/cluster/images/save',
      handler: async ({ req, res }) => {
        const body = await readJsonBody(req);
        sendJson(res, 202, await saveImages(await load(), body));
      },
    },
    {
      method: 'POST',
      path: '/api/v1/cluster/images/load',
      handler: async ({ req, res }) => {
        const body = await readJsonBody(req);
        sendJson(res, 202, loadImages(await load(), body));
      },
    },
  ];
}
