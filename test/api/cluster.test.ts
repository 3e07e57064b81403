import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClusterImages,
  ClusterOperationStarted,
  ClusterPreflight,
  ClusterStatus,
  ErrorBody,
  Operation,
} from '../../engine/src/api/contract.js';
import { configureClusterPorts } from '../../engine/src/cluster/service/cluster-service-loader.js';
import { ScriptedClusterPorts } from '../../engine/src/cluster/service/testing/scripted-cluster-ports.js';
import { launchEngine, type RunningEngine } from '../../engine/src/launch.js';
import { tempHome } from '../support/engine-process.js';

let engine: RunningEngine;
let token: string;
const fakes = new ScriptedClusterPorts();

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- each caller names the JSON shape it expects
async function api<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${engine.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function finished(id: string): Promise<Operation> {
  for (let i = 0; i < 200; i++) {
    const { body } = await api<Operation>('GET', `/api/v1/operations/${id}`);
    if (body.state !== 'RUNNING') return body;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`operation ${id} did not finish`);
}

beforeAll(async () => {
  configureClusterPorts(() => fakes.ports);
  const home = tempHome('skiff-cluster-api-');
  engine = await launchEngine({ home, port: 0 });
  token = readFileSync(join(home, 'token'), 'utf8').trim();
});

afterAll(async () => {
  await engine.stop();
  configureClusterPorts(undefined);
});

describe('/api/v1/cluster', () => {
  it('says NONE before anything is created', async () => {
    const { status, body } = await api<ClusterStatus>('GET', '/api/v1/cluster');
    expect(status).toBe(200);
    expect(body).toMatchObject({ state: 'NONE', components: [], endpoints: [] });
  });

  it('answers preflight with providers, GPUs and profiles', async () => {
    const { body } = await api<ClusterPreflight>(
      'GET',
      '/api/v1/cluster/preflight?provider=k3d&profile=full',
    );
    expect(body.report.ok).toBe(true);
    expect(body.providers.k3d.found).toBe(false);
    expect(body.profiles.map((p) => p.name)).toEqual(['lite', 'full']);
    expect(fakes.calls).toContain('preflight k3d full');
  });

  it('rejects a bad request with 400 naming the field', async () => {
    const { status, body } = await api<ErrorBody>('POST', '/api/v1/cluster', {
      nodes: 0,
    });
    expect(status).toBe(400);
    expect(body.message).toMatch(/^nodes: /);
    const preflight = await api<ErrorBody>('GET', '/api/v1/cluster/preflight?gpus=x');
    expect(preflight.body.message).toMatch(/^gpus: /);
  });

  it('creates (202 + operation), stops, starts and deletes', async () => {
    const created = await api<ClusterOperationStarted>('POST', '/api/v1/cluster', { name: 'dev' });
    expect(created.status).toBe(202);
    expect(created.body.cluster.state).toBe('CREATING');
    expect((await finished(created.body.operation.id)).state).toBe('SUCCEEDED');
    const running = await api<ClusterStatus>('GET', '/api/v1/cluster');
    expect(running.body).toMatchObject({
      state: 'RUNNING',
      spec: { name: 'dev', provider: 'kind' },
    });
    expect(running.body.components.every((c) => c.ready)).toBe(true);

    const again = await api<ErrorBody>('POST', '/api/v1/cluster', { name: 'dev' });
    expect(again.status).toBe(409);

    const stop = await api<ClusterOperationStarted>('POST', '/api/v1/cluster/stop');
    await finished(stop.body.operation.id);
    expect((await api<ClusterStatus>('GET', '/api/v1/cluster')).body.state).toBe('STOPPED');
    const start = await api<ClusterOperationStarted>('POST', '/api/v1/cluster/start');
    await finished(start.body.operation.id);
    const removed = await api<ClusterOperationStarted>('DELETE', '/api/v1/cluster');
    await finished(removed.body.operation.id);
    expect((await api<ClusterStatus>('GET', '/api/v1/cluster')).body.state).toBe('NONE');
  });

  it('lists the profile images and refuses an archive path that is not absolute', async () => {
    const { body } = await api<ClusterImages>('GET', '/api/v1/cluster/images?profile=lite');
    expect(body.images).toHaveLength(2);
    const save = await api<ErrorBody>('POST', '/api/v1/cluster/images/save', {
      archive: 'rel.tar',
    });
    expect(save.status).toBe(400);
    expect(save.body.message).toMatch(/^archive: /);
  });
});
