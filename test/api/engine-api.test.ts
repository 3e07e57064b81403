import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchEngine, type LaunchedEngine } from '../../engine/src/launch.js';
import { tempHome } from '../support/engine-process.js';
import { readSse } from '../support/sse-reader.js';

let engine: LaunchedEngine;
let token: string;
let home: string;

const api = (path: string, init: RequestInit = {}, auth = true): Promise<Response> =>
  fetch(`${engine.url}${path}`, {
    ...init,
    headers: {
      ...(auth ? { authorization: `Bearer ${token}` } : {}),
      ...(init.headers as Record<string, string>),
    },
  });

const patchSettings = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  api('/api/v1/settings', {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  home = tempHome();
  engine = await launchEngine({ home, port: 0 });
  const { readFileSync } = await import('node:fs');
  token = readFileSync(join(home, 'token'), 'utf8').trim();
});

afterAll(async () => {
  await engine.stop();
});

describe('engine HTTP API', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(engine.url).hostname).toBe('127.0.0.1');
  });

  it('answers health without a token', async () => {
    const res = await api('/api/v1/health', {}, false);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: engine.version });
  });

  it.each([
    '/api/v1/system',
    '/api/v1/settings',
    '/api/v1/operations',
    '/api/v1/events',
    '/metrics',
    '/apis/v2beta1/healthz',
    '/',
  ])('refuses %s without a token (401)', async (path) => {
    const res = await api(path, {}, false);
    expect(res.status).toBe(401);
  });

  it('refuses a wrong token with a JSON error that says how to authenticate', async () => {
    const res = await api(
      '/api/v1/system',
      { headers: { authorization: `Bearer ${'0'.repeat(64)}` } },
      false,
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('token') as unknown,
    });
  });

  it('keeps the token file private (0600)', () => {
    expect(statSync(join(home, 'token')).mode & 0o777).toBe(0o600);
  });

  it('refuses writes from a foreign Origin (403) and changes nothing', async () => {
    const before = await (await api('/api/v1/settings')).json();
    const res = await patchSettings(
      { pipelines: { concurrency: 9 } },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(await (await api('/api/v1/settings')).json()).toEqual(before);
  });

  it('rejects malformed JSON with 400 INVALID_ARGUMENT naming the problem', async () => {
    const res = await api('/api/v1/settings', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"ui": ',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('INVALID_ARGUMENT');
    expect(body.message).toMatch(/^body: is not valid JSON/);
  });

  it('rejects an invalid setting naming the field and the fix', async () => {
    const res = await patchSettings({ pipelines: { executor: 'kubernetes' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/^pipelines\.executor: /) as unknown,
    });
  });

  it('answers unknown routes with 404 JSON, in KFP shape under /apis', async () => {
    const res = await api('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('/api/v1/nothing-here') as unknown,
    });
    const kfp = await api('/apis/v2beta1/nothing');
    expect(kfp.status).toBe(404);
    expect(await kfp.json()).toMatchObject({
      code: 5,
      message: expect.any(String) as unknown,
      details: [],
    });
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const res = await api('/api/v1/system', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });

  it('serves KFP healthz in KFP’s shape', async () => {
    expect(await (await api('/apis/v2beta1/healthz')).json()).toEqual({
      multi_user: false,
      pipeline_store: 'database',
    });
  });

  it('reports the machine: version, Docker, tools, CPUs, memory, disk', async () => {
    const system = (await (await api('/api/v1/system')).json()) as Record<string, unknown>;
    expect(system).toMatchObject({
      skiffVersion: engine.version,
      cpus: expect.any(Number) as unknown,
      disk: { freeBytes: expect.any(Number) as unknown },
      docker: { reachable: expect.any(Boolean) as unknown },
      tools: { kind: { found: expect.any(Boolean) as unknown } },
    });
  });

  it('persists a settings patch and announces it', async () => {
    const res = await patchSettings({ pipelines: { concurrency: 6 } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ pipelines: { concurrency: 6 } });
  });

  it('resumes the event stream from Last-Event-ID with nothing missed or repeated', async () => {
    const live = readSse(`${engine.url}/api/v1/events`, { authorization: `Bearer ${token}` });
    await patchSettings({ pipelines: { concurrency: 2 } });
    const [first] = await live.take(1);
    live.close();
    await patchSettings({ pipelines: { concurrency: 3 } });
    await patchSettings({ pipelines: { concurrency: 5 } });
    const resumed = readSse(`${engine.url}/api/v1/events`, {
      authorization: `Bearer ${token}`,
      'last-event-id': String(first?.id),
    });
    const missed = await resumed.take(2);
    expect(missed.map((e) => e.id)).toEqual([Number(first?.id) + 1, Number(first?.id) + 2]);
    expect(
      missed.map((e) => (e.data as { pipelines: { concurrency: number } }).pipelines.concurrency),
    ).toEqual([3, 5]);
    await patchSettings({ pipelines: { concurrency: 7 } });
    const [next] = await resumed.take(1);
    expect(next?.id).toBe(Number(first?.id) + 3);
    resumed.close();
  });

  it('sends only the event types asked for, and names a wrong one', async () => {
    const operationsOnly = readSse(`${engine.url}/api/v1/events?types=operation.updated`, {
      authorization: `Bearer ${token}`,
    });
    await patchSettings({ pipelines: { concurrency: 4 } }); // a settings.changed: not sent
    const { operation } = engine.engine.operations.start(
      { kind: 'test.filter', title: 'Filtered', steps: 1 },
      () => Promise.resolve(),
    );
    const [first] = await operationsOnly.take(1);
    operationsOnly.close();
    expect(first?.event).toBe('operation.updated');
    expect((first?.data as { id: string }).id).toBe(operation.id);
    const wrong = await api('/api/v1/events?types=run.updated,run.exploded');
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { message: string }).message).toMatch(/types.*run\.exploded/);
  });

  it('exports Prometheus metrics with request durations by route', async () => {
    await api('/api/v1/system');
    const text = await (await api('/metrics')).text();
    expect(text).toMatch(
      /skiff_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/system"/,
    );
    expect(text).toMatch(/skiff_process_cpu_user_seconds_total/);
  });

  it('signs a browser in through a one-time login URL (HttpOnly, SameSite=Strict)', async () => {
    const loginUrl = engine.createLoginUrl();
    const res = await fetch(loginUrl, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${engine.url}/settings`, {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(loginUrl, { redirect: 'manual' })).status).toBe(401);
  });

  it('lists operations and 404s an unknown one', async () => {
    expect(await (await api('/api/v1/operations')).json()).toEqual({
      operations: expect.any(Array) as unknown,
    });
    expect((await api('/api/v1/operations/nope')).status).toBe(404);
  });
});
