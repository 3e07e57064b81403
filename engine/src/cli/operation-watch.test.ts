import { describe, expect, it } from 'vitest';
import type { Operation } from '../api/contract.js';
import type { CliContext } from './cli-context.js';
import { EngineClient, type Fetch } from './engine-client.js';
import { formatFailure, watchOperation } from './operation-watch.js';

const base: Operation = {
  id: 'op-1',
  kind: 'cluster.create',
  title: 'Create cluster "dev"',
  state: 'RUNNING',
  progress: { current: 1, total: 3, message: 'Checking prerequisites' },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

function sse(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** An engine whose event stream the test writes to. */
function fakeEngine(initial: Operation): {
  client: EngineClient;
  emit: (text: string) => void;
  end: () => void;
} {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(encoder.encode(': connected\n\n'));
    },
  });
  const fetchImpl: Fetch = (input) => {
    const url = input instanceof Request ? input.url : input.toString();
    if (url.endsWith('/api/v1/events')) return Promise.resolve(new Response(body));
    return Promise.resolve(Response.json(initial));
  };
  return {
    client: new EngineClient('http://127.0.0.1:1', 't', fetchImpl),
    emit: (text) => controller?.enqueue(encoder.encode(text)),
    end: () => controller?.close(),
  };
}

function context(): CliContext & { out: () => string; err: () => string; interrupt: () => void } {
  let out = '';
  let err = '';
  let handler: ((signal: NodeJS.Signals) => void) | undefined;
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env: {},
    onInterrupt: (h) => {
      handler = h;
      return () => {
        handler = undefined;
      };
    },
    out: () => out,
    err: () => err,
    interrupt: () => handler?.('SIGINT'),
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('watchOperation', () => {
  it('follows progress and logs of its operation only, and exits 0 on success', async () => {
    const engine = fakeEngine(base);
    const ctx = context();
    const done = watchOperation(engine.client, 'op-1', ctx);
    await tick();
    engine.emit(sse('operation.log', { id: 'other', line: 'not mine' }));
    engine.emit(sse('operation.log', { id: 'op-1', line: 'docker ok' }));
    engine.emit(
      sse('operation.updated', {
        ...base,
        progress: { current: 2, total: 3, message: 'Creating kind cluster' },
      }),
    );
    engine.emit(
      sse('operation.updated', {
        ...base,
        state: 'SUCCEEDED',
        progress: { current: 3, total: 3, message: 'Done' },
      }),
    );
    expect(await done).toBe(0);
    expect(ctx.out()).toBe('docker ok\n');
    expect(ctx.err()).toBe(
      'Create cluster "dev" (op-1)\n1/3 Checking prerequisites\n2/3 Creating kind cluster\n✔ Create cluster "dev" succeeded.\n',
    );
  });

  it('exits with the code of the error when the operation fails', async () => {
    const engine = fakeEngine(base);
    const ctx = context();
    const done = watchOperation(engine.client, 'op-1', ctx);
    await tick();
    engine.emit(
      sse('operation.updated', {
        ...base,
        state: 'FAILED',
        error: {
          code: 'UNAVAILABLE',
          message: 'Docker is not reachable.',
          step: 'Checking prerequisites',
        },
      }),
    );
    expect(await done).toBe(6);
    expect(ctx.err()).toContain(
      '✘ Create cluster "dev" failed at step "Checking prerequisites": Docker is not reachable.',
    );
  });

  it('returns at once for an operation that already finished', async () => {
    const engine = fakeEngine({ ...base, state: 'CANCELLED' });
    const ctx = context();
    expect(await watchOperation(engine.client, 'op-1', ctx)).toBe(130);
    expect(ctx.err()).toContain('was cancelled');
  });

  it('detaches on Ctrl-C and leaves the operation running', async () => {
    const engine = fakeEngine(base);
    const ctx = context();
    const done = watchOperation(engine.client, 'op-1', ctx);
    await tick();
    ctx.interrupt();
    expect(await done).toBe(130);
    expect(ctx.err()).toContain('Detached; the operation keeps running');
  });

  it('fails with UNAVAILABLE when the stream ends before the operation', async () => {
    const engine = fakeEngine(base);
    const ctx = context();
    const done = watchOperation(engine.client, 'op-1', ctx);
    await tick();
    engine.end();
    await expect(done).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('formatFailure', () => {
  it('shows the last command and lines', () => {
    expect(
      formatFailure({
        ...base,
        state: 'FAILED',
        error: {
          code: 'INTERNAL',
          message: 'kind failed',
          lastCommand: 'kind create cluster',
          lastLines: ['ERROR: boom'],
        },
      }),
    ).toBe(
      '✘ Create cluster "dev" failed: kind failed\n  Last command: kind create cluster\n  Last lines:\n    ERROR: boom\n',
    );
  });
});
