import { describe, expect, it } from 'vitest';
import { SkiffError } from '../core/errors.js';
import { EngineClient, errorFromResponse, type Fetch } from './engine-client.js';

function recordingFetch(
  respond: (url: string, init: RequestInit) => Response,
): Fetch & { calls: Array<{ url: string; init: RequestInit }> } {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fake = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : input.toString();
    calls.push({ url, init: init ?? {} });
    return Promise.resolve(respond(url, init ?? {}));
  };
  return Object.assign(fake, { calls });
}

async function caught(promise: Promise<unknown>): Promise<SkiffError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SkiffError))
    throw new Error(`expected a SkiffError, got ${String(error)}`);
  return error;
}

describe('EngineClient', () => {
  it('turns {code, message} bodies into SkiffErrors', async () => {
    const client = new EngineClient(
      'http://127.0.0.1:1',
      't',
      recordingFetch(() =>
        Response.json(
          { code: 'NOT_FOUND', message: 'Operation "x" was not found.' },
          { status: 404 },
        ),
      ),
    );
    const error = await caught(client.operation('x'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('Operation "x" was not found.');
  });

  it('sends settings patches as JSON', async () => {
    const fetchImpl = recordingFetch(() => Response.json({ schemaVersion: 1 }));
    await new EngineClient('http://127.0.0.1:1', 't', fetchImpl).patchSettings({
      pipelines: { concurrency: 8 },
    });
    const call = fetchImpl.calls[0];
    expect(call?.init.method).toBe('PATCH');
    expect(call?.init.body).toBe('{"pipelines":{"concurrency":8}}');
    expect(new Headers(call?.init.headers).get('content-type')).toBe('application/json');
  });

  it('reports a refused connection as UNAVAILABLE with how to start Skiff', async () => {
    const client = new EngineClient('http://127.0.0.1:1', 't', () =>
      Promise.reject(new TypeError('fetch failed')),
    );
    const error = await caught(client.system());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('skiff serve');
    expect(error.message).toContain('http://127.0.0.1:1');
  });

  it('streams typed events from the SSE body', async () => {
    const sse =
      'retry: 2000\n: connected\n\n' +
      'id: 4\nevent: operation.updated\ndata: {"id":"op1","state":"RUNNING"}\n\n' +
      'event: operation.log\ndata: {"id":"op1","line":"hello"}\n\n';
    const client = new EngineClient(
      'http://127.0.0.1:1',
      't',
      recordingFetch(() => new Response(sse, { headers: { 'content-type': 'text/event-stream' } })),
    );
    const events = [];
    for await (const event of await client.openEvents(new AbortController().signal))
      events.push(event);
    expect(events).toEqual([
      { type: 'operation.updated', data: { id: 'op1', state: 'RUNNING' }, id: 4 },
      { type: 'operation.log', data: { id: 'op1', line: 'hello' } },
    ]);
  });
});

describe('errorFromResponse', () => {
  it('falls back to the HTTP status when the body is not an error body', async () => {
    const error = await errorFromResponse(
      new Response('nope', { status: 401, statusText: 'Unauthorized' }),
    );
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('The engine answered 401 Unauthorized: nope.');
  });

  it('accepts an {error: {code, message}} wrapper', async () => {
    const error = await errorFromResponse(
      Response.json({ error: { code: 'ALREADY_EXISTS', message: 'm' } }, { status: 409 }),
    );
    expect(error.code).toBe('ALREADY_EXISTS');
  });
});
