import type { HealthResponse, SystemInfo } from '../contract.js';
import type { Engine } from '../../core/engine.js';
import { sendJson } from '../http-errors.js';
import type { Route } from '../router.js';

export function systemRoutes(engine: Engine): Route[] {
  const health: HealthResponse = { status: 'ok', version: engine.config.version };
  return [
    { method: 'GET', path: '/api/v1/health', handler: ({ res }) => sendJson(res, 200, health) },
    {
      method: 'GET',
      path: '/api/v1/system',
      handler: async ({ res }) =>
        sendJson(res, 200, (await engine.system.get()) satisfies SystemInfo),
    },
    {
      // KFP's healthz, so `kfp.Client(host=...)` recognises the engine.
      method: 'GET',
      path: '/apis/v2beta1/healthz',
      handler: ({ res }) => sendJson(res, 200, { multi_user: false, pipeline_store: 'database' }),
    },
  ];
}
