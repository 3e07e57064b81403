import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SkiffError } from '../core/errors.js';
import { NOT_RUNNING_MESSAGE, type Fetch } from './engine-client.js';
import {
  connectEngine,
  findRunningEngine,
  isProcessAlive,
  readEngineInfo,
} from './engine-discovery.js';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'skiff-cli-client-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

async function writeEngine(pid: number, url = 'http://127.0.0.1:1'): Promise<void> {
  await writeFile(
    path.join(home, 'engine.json'),
    JSON.stringify({ pid, url, port: 1, version: '0.1.0', startedAt: '2025-01-01T00:00:00.000Z' }),
  );
  await writeFile(path.join(home, 'token'), 'secret-token\n');
}

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

describe('connectEngine', () => {
  it('says how to start Skiff when there is no engine.json', async () => {
    const error = await caught(connectEngine({ home }));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe(NOT_RUNNING_MESSAGE);
  });

  it('treats an engine.json whose process is gone as not running', async () => {
    await writeEngine(2 ** 22 + 12345);
    expect((await caught(connectEngine({ home }))).code).toBe('UNAVAILABLE');
  });

  it('uses the URL from engine.json and the token file', async () => {
    await writeEngine(process.pid, 'http://127.0.0.1:9999');
    const fetchImpl = recordingFetch(() => Response.json({ status: 'ok', version: '0.1.0' }));
    const { client, info } = await connectEngine({ home }, fetchImpl);
    expect(info?.pid).toBe(process.pid);
    await client.health();
    expect(fetchImpl.calls[0]?.url).toBe('http://127.0.0.1:9999/api/v1/health');
    expect(new Headers(fetchImpl.calls[0]?.init.headers).get('authorization')).toBe(
      'Bearer secret-token',
    );
  });

  it('takes --url over engine.json but still needs the token', async () => {
    const error = await caught(connectEngine({ home, url: 'http://127.0.0.1:1234/' }));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain(path.join(home, 'token'));
    await writeFile(path.join(home, 'token'), 'tok');
    const { client } = await connectEngine({ home, url: 'http://127.0.0.1:1234/' });
    expect(client.baseUrl).toBe('http://127.0.0.1:1234');
  });
});

describe('findRunningEngine', () => {
  it('returns the engine only when it answers its health check', async () => {
    await writeEngine(process.pid);
    expect(
      await findRunningEngine(
        home,
        recordingFetch(() => new Response('', { status: 503 })),
      ),
    ).toBeUndefined();
    const found = await findRunningEngine(
      home,
      recordingFetch(() => Response.json({ status: 'ok', version: '0.1.0' })),
    );
    expect(found?.info.url).toBe('http://127.0.0.1:1');
  });
});

describe('helpers', () => {
  it('ignores a malformed engine.json', async () => {
    await writeFile(path.join(home, 'engine.json'), '{"pid":');
    expect(await readEngineInfo(home)).toBeUndefined();
  });

  it('knows this process is alive and rejects nonsense pids', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(0)).toBe(false);
    expect(isProcessAlive(-5)).toBe(false);
  });
});
