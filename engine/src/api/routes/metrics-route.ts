import type { HttpMetrics } from '../../monitoring/http-metrics.js';
import type { Route } from '../router.js';

export function metricsRoute(metrics: HttpMetrics): Route {
  return {
    method: 'GET',
    path: '/metrics',
    handler: async ({ res }) => {
      const { contentType, text } = await metrics.render();
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
      res.end(text);
    },
  };
}
