import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeDockerRegistry, type FakeDockerRegistry } from './index.js';

let registry: FakeDockerRegistry;
beforeAll(async () => {
  registry = await startFakeDockerRegistry();
});
afterAll(() => registry.close());

const url = (path: string): string => `http://${registry.address}${path}`;
const digest = (data: string): string =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

it('answers the version check and stores a monolithic blob upload', async () => {
  expect((await fetch(url('/v2/'))).status).toBe(200);
  const d = digest('layer');
  const put = await fetch(url(`/v2/a/b/blobs/uploads/?digest=${d}`), {
    method: 'POST',
    body: 'layer',
  });
  expect(put.status).toBe(201);
  expect((await fetch(url(`/v2/a/b/blobs/${d}`), { method: 'HEAD' })).status).toBe(200);
});

it('refuses a blob whose digest does not match', async () => {
  const wrong = digest('other');
  const put = await fetch(url(`/v2/a/blobs/uploads/?digest=${wrong}`), {
    method: 'POST',
    body: 'x',
  });
  expect(put.status).toBe(400);
});

it('stores a manifest by tag and by digest', async () => {
  const body = '{"schemaVersion":2}';
  const type = 'application/vnd.docker.distribution.manifest.v2+json';
  const put = await fetch(url('/v2/team/app/manifests/1'), {
    method: 'PUT',
    headers: { 'content-type': type },
    body,
  });
  expect(put.status).toBe(201);
  const got = await fetch(url(`/v2/team/app/manifests/${digest(body)}`));
  expect(got.headers.get('content-type')).toBe(type);
  expect(await got.text()).toBe(body);
  expect(registry.manifest('team/app', '1')?.digest).toBe(digest(body));
});
