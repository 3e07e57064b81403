import type { OperationList, OperationLogs } from '../contract.js';
import type { Engine } from '../../core/engine.js';
import { invalidArgument } from '../../core/errors.js';
import { sendJson } from '../http-errors.js';
import type { Route } from '../router.js';

export function operationRoutes(engine: Engine): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/operations',
      handler: ({ url, res }) => {
        const limit = Number(url.searchParams.get('limit') ?? '100');
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
          throw invalidArgument('limit', 'use a whole number from 1 to 1000');
        }
        sendJson(res, 200, { operations: engine.operations.list(limit) } satisfies OperationList);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/operations/:id',
      handler: ({ params, res }) => sendJson(res, 200, engine.operations.get(params.id ?? '')),
    },
    {
      method: 'GET',
      path: '/api/v1/operations/:id/logs',
      handler: async ({ params, res }) => {
        const id = params.id ?? '';
        sendJson(res, 200, { id, lines: await engine.operations.logs(id) } satisfies OperationLogs);
      },
    },
    {
      method: 'POST',
      path: '/api/v1/operations/:id/cancel',
      handler: ({ params, res }) => sendJson(res, 200, engine.operations.cancel(params.id ?? '')),
    },
  ];
}
