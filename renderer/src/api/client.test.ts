import { describe, expect, it } from 'vitest';
import type { Settings } from '@skiff/engine/api-contract';
import { ApiError } from './api-error';
import {
  artifactContentUrl,
  createApiClient,
  MERGE_PATCH_TYPE,
  taskLogsDownloadUrl,
  type FetchLike,
} from './client';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: string, statusText = ''): FetchLike & { calls: Call[] } {
  const calls: Call[] = [];
  const fn = (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(new Response(body === '' ? null : body, { status, statusText }));
  };
  return Object.assign(fn, { calls });
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error('expected the call to fail with an ApiError');
  return error;
}

const settings: Settings = {
  schemaVersion: 1,
  engine: { port: 8470 },
  ui: { theme: 'system' },
  pipelines: { executor: 'auto', concurrency: 4 },
  images: { map: {} },
};

describe('createApiClient', () => {
  it('sends same-origin requests and returns the parsed body', async () => {
    const fetch = fakeFetch(200, JSON.stringify(settings));
    const client = createApiClient({ fetch });
    await expect(client.getSettings()).resolves.toEqual(settings);
    expect(fetch.calls[0]?.url).toBe('/api/v1/settings');
    expect(fetch.calls[0]?.init.credentials).toBe('same-origin');
    expect(fetch.calls[0]?.init.method).toBe('GET');
  });

  it('sends a settings patch as a JSON merge patch', async () => {
    const fetch = fakeFetch(200, JSON.stringify(settings));
    const client = createApiClient({ fetch });
    await client.patchSettings({ images: { map: { 'python:3.11': null } } });
    const init = fetch.calls[0]?.init;
    expect(init?.method).toBe('PATCH');
    expect(init?.body).toBe('{"images":{"map":{"python:3.11":null}}}');
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe(MERGE_PATCH_TYPE);
  });

  it('turns an error body into an ApiError with the engine code and message', async () => {
    const body = { code: 'INVALID_ARGUMENT', message: 'pipelines.concurrency: must be ≥ 1' };
    const client = createApiClient({ fetch: fakeFetch(400, JSON.stringify(body)) });
    const error = await rejection(client.patchSettings({ pipelines: { concurrency: 0 } }));
    expect(error).toMatchObject({ status: 400, code: 'INVALID_ARGUMENT', message: body.message });
  });

  it('falls back on the status when the error body is not JSON', async () => {
    const client = createApiClient({ fetch: fakeFetch(503, '<html>busy</html>', 'Unavailable') });
    const error = await rejection(client.getSystem());
    expect(error).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
    expect(error.message).toContain('503 Unavailable');
  });

  it('ignores an unknown code in the body and keeps the message', async () => {
    const body = JSON.stringify({ code: 'TEAPOT', message: 'No coffee.' });
    const client = createApiClient({ fetch: fakeFetch(418, body) });
    await expect(client.getSystem()).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'No coffee.',
    });
  });

  it('reports a 401 to onUnauthorized and still throws', async () => {
    const seen: ApiError[] = [];
    const client = createApiClient({
      fetch: fakeFetch(401, JSON.stringify({ code: 'UNAUTHENTICATED', message: 'No session.' })),
      onUnauthorized: (error) => seen.push(error),
    });
    await expect(client.listOperations()).rejects.toMatchObject({ status: 401 });
    expect(seen).toHaveLength(1);
  });

  it('reports an unreachable engine as UNAVAILABLE with status 0', async () => {
    const client = createApiClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(client.getSystem()).rejects.toMatchObject({ status: 0, code: 'UNAVAILABLE' });
  });

  it('encodes operation ids into the cancel path', async () => {
    const fetch = fakeFetch(202, '');
    await createApiClient({ fetch }).cancelOperation('op/1');
    expect(fetch.calls[0]?.url).toBe('/api/v1/operations/op%2F1/cancel');
    expect(fetch.calls[0]?.init.method).toBe('POST');
  });
});

describe('tasks and artifacts', () => {
  it('unwraps the task, run artifacts and artifact answers', async () => {
    const fetch = fakeFetch(200, JSON.stringify({ task: { taskId: 't 1' } }));
    const client = createApiClient({ fetch });
    await expect(client.getTask('r/1', 't 1')).resolves.toEqual({ taskId: 't 1' });
    expect(fetch.calls[0]?.url).toBe('/api/v1/runs/r%2F1/tasks/t%201');

    const list = fakeFetch(200, JSON.stringify({ artifacts: [{ artifactId: 'a' }] }));
    await expect(createApiClient({ fetch: list }).listRunArtifacts('r1')).resolves.toEqual([
      { artifactId: 'a' },
    ]);
    expect(list.calls[0]?.url).toBe('/api/v1/runs/r1/artifacts');

    const one = fakeFetch(200, JSON.stringify({ artifact: { artifactId: 'a', consumers: [] } }));
    await expect(createApiClient({ fetch: one }).getArtifact('a')).resolves.toEqual({
      artifactId: 'a',
      consumers: [],
    });
    expect(one.calls[0]?.url).toBe('/api/v1/artifacts/a');
  });

  it('builds content and log download URLs with encoded options', () => {
    expect(artifactContentUrl('a1')).toBe('/api/v1/artifacts/a1/content');
    expect(
      artifactContentUrl('a1', { path: 'plots/roc curve.png', download: true, limit: 4096 }),
    ).toBe('/api/v1/artifacts/a1/content?path=plots%2Froc+curve.png&download=1&limit=4096');
    expect(taskLogsDownloadUrl('r1', 't1')).toBe('/api/v1/runs/r1/tasks/t1/logs?download=1');
  });
});
