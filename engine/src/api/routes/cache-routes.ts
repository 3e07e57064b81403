import type { Engine } from '../../core/engine.js';
import { invalidArgument } from '../../core/errors.js';
import { sendJson } from '../http-errors.js';
import type { Route } from '../router.js';

/** The task cache: list what is cached, purge all of it or one fingerprint. */
export function cacheRoutes(engine: Engine): Route[] {
  const cache = engine.pipelines.cache;
  return [
    {
      method: 'GET',
      path: '/api/v1/cache',
      handler: ({ url, res }) => {
        const limit = Number(url.searchParams.get('limit') ?? '100');
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
          throw invalidArgument('limit', 'use a whole number from 1 to 1000');
        }
        sendJson(res, 200, { entries: cache.list(limit) });
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/cache',
      handler: ({ res }) => sendJson(res, 200, { purged: cache.purge() }),
    },
    {
      method: 'DELETE',
      path: '/api/v1/cache/:fingerprint',
      handler: ({ params, res }) =>
        sendJson(res, 200, { purged: cache.purge(params.fingerprint ?? '') }),
    },
  ];
}
