import type { ServerResponse } from 'node:http';
import type { ObjectStore } from './object-store.js';
import type { ResourceType } from './resource-table.js';

/**
 * `?watch=1`: one JSON event per line, as the real server streams them. Without a
 * resourceVersion the watch starts with an ADDED event for every existing object.
 */
export function serveWatch(
  store: ObjectStore,
  type: ResourceType,
  namespace: string | undefined,
  params: URLSearchParams,
  response: ServerResponse,
): void {
  const selector = {
    namespace,
    labelSelector: params.get('labelSelector') ?? undefined,
    fieldSelector: params.get('fieldSelector') ?? undefined,
  };
  response.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
  // Clients wait for the headers before they count the watch as started.
  response.flushHeaders();
  const since = params.get('resourceVersion');
  if (!since || since === '0') {
    for (const object of store.list(type, selector)) {
      response.write(`${JSON.stringify({ type: 'ADDED', object })}\n`);
    }
  }
  const unsubscribe = store.watch(type, selector, (event) => {
    response.write(`${JSON.stringify(event)}\n`);
  });
  const timeoutSeconds = Number(params.get('timeoutSeconds') ?? 0);
  const timer =
    timeoutSeconds > 0 ? setTimeout(() => response.end(), timeoutSeconds * 1000) : undefined;
  response.on('close', () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  });
}
