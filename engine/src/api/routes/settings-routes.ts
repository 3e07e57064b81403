import type { Engine } from '../../core/engine.js';
import { sendJson } from '../http-errors.js';
import { readJsonBody } from '../request-body.js';
import type { Route } from '../router.js';

export function settingsRoutes(engine: Engine): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/settings',
      handler: ({ res }) => sendJson(res, 200, engine.settings()),
    },
    {
      method: 'PATCH',
      path: '/api/v1/settings',
      handler: async ({ req, res }) =>
        sendJson(res, 200, await engine.updateSettings(await readJsonBody(req))),
    },
  ];
}
