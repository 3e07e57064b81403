import type { ServerResponse } from 'node:http';
import { ENGINE_EVENT_TYPES, type DeliveredEvent, type EngineEventType } from '../contract.js';
import type { Engine } from '../../core/engine.js';
import { invalidArgument } from '../../core/errors.js';
import type { Route } from '../router.js';

const HEARTBEAT_MS = 15_000;

function format(event: DeliveredEvent): string {
  const id = event.id === undefined ? '' : `id: ${event.id}\n`;
  return `${id}event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

function parseLastEventId(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const id = Number(value);
  if (!Number.isInteger(id) || id < 0)
    throw invalidArgument('Last-Event-ID', `"${value}" is not an event id`);
  return id;
}

/** `?types=run.updated,task.updated`: only those types; absent means every type. */
function parseTypes(value: string | null): ReadonlySet<EngineEventType> | undefined {
  if (value === null || value.trim() === '') return undefined;
  const known = new Set<string>(ENGINE_EVENT_TYPES);
  const types = value.split(',').map((type) => type.trim());
  const unknown = types.find((type) => !known.has(type));
  if (unknown !== undefined) {
    throw invalidArgument(
      'types',
      `"${unknown}" is not an event type; use a comma-separated list of ${ENGINE_EVENT_TYPES.join(', ')}`,
    );
  }
  return new Set(types as EngineEventType[]);
}

/**
 * Server-Sent Events. A client that sends `Last-Event-ID` (EventSource does on reconnect)
 * first gets every durable event it missed, then live ones, with no gap and no repeat.
 */
export function eventsRoute(engine: Engine): Route {
  return {
    method: 'GET',
    path: '/api/v1/events',
    handler: ({ req, res, url }) => {
      const header = req.headers['last-event-id'];
      const lastId =
        parseLastEventId(Array.isArray(header) ? header[0] : header) ??
        parseLastEventId(url.searchParams.get('lastEventId'));
      const types = parseTypes(url.searchParams.get('types'));
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 2000\n: connected\n\n');
      stream(engine, res, lastId, types);
    },
  };
}

function stream(
  engine: Engine,
  res: ServerResponse,
  lastId: number | undefined,
  types: ReadonlySet<EngineEventType> | undefined,
): void {
  // A client that asked for a few types (a CLI waiting for runs to end) is not sent the rest.
  const send = (event: DeliveredEvent): void => {
    if (types === undefined || types.has(event.type)) res.write(format(event));
  };
  if (lastId !== undefined) {
    let after = lastId;
    for (
      let batch = engine.events.replay(after);
      batch.length > 0;
      batch = engine.events.replay(after)
    ) {
      for (const event of batch) {
        send(event);
        after = event.id ?? after;
      }
    }
  }
  // Replay and subscribe happen in one synchronous turn, so no event can fall between them.
  const unsubscribe = engine.events.subscribe(send);
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
