/**
 * The cluster API with Skiff's real cluster parts wired in (no in-test ports): preflight,
 * the bundled platform and the kind provider, with the FAKE `kind` of test/fakes/bin first
 * on PATH since this machine has no kind. Creating a cluster offline must stop with a
 * failure that says what to do, and leave nothing half made.
 */
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClusterImages,
  ClusterOperationStarted,
  ClusterPreflight,
  ClusterStatus,
} from '../../engine/src/api/contract.js';
import { launchEngine, type RunningEngine } from '../../engine/src/launch.js';
import { tempHome } from '../support/engine-process.js';

const FAKE_BIN = fileURLToPath(new URL('../fakes/bin', import.meta.url));

let engine: RunningEngine;
let token: string;
let home: string;
const originalPath = process.env.PATH;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${engine.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return (await res.json()) as T;
}

beforeAll(async () => {
  process.env.PATH = `${FAKE_BIN}${delimiter}${originalPath ?? ''}`;
  process.env.FAKE_CLUSTER_LOG = join(tempHome('skiff-fake-kind-log-'), 'calls.jsonl');
  home = tempHome('skiff-cluster-real-');
  engine = await launchEngine({ home, port: 0 });
  token = readFileSync(join(home, 'token'), 'utf8').trim();
});

afterAll(async () => {
  await engine.stop();
  process.env.PATH = originalPath;
});

describe('/api/v1/cluster with the real cluster parts', () => {
  it('has no cluster at first', async () => {
    expect((await api<ClusterStatus>('GET', '/api/v1/cluster')).state).toBe('NONE');
  });

  it('answers preflight from this machine and the bundled platform', async () => {
    const preflight = await api<ClusterPreflight>(
      'GET',
      '/api/v1/cluster/preflight?provider=kind&profile=lite',
    );
    const lite = preflight.profiles.find((profile) => profile.name === 'lite');
    expect(lite?.components).toContain('kfp-backend');
    expect(lite?.memoryBytes).toBeGreaterThan(2 ** 30);
    expect(lite?.memoryBytes).toBeLessThanOrEqual(6 * 2 ** 30);
    expect(preflight.providers.kind.found).toBe(true); // the fake on PATH
    expect(preflight.report.checks.length).toBeGreaterThan(3);
    for (const check of preflight.report.checks) {
      if (check.status !== 'ok') expect(check.fix, check.id).toBeTruthy();
    }
  });

  it('lists the profile’s images and whether each is in the local Docker', async () => {
    const { images } = await api<ClusterImages>('GET', '/api/v1/cluster/images?profile=lite');
    expect(images.length).toBeGreaterThan(10);
    expect(images.map((image) => image.image)).toContain('docker.io/library/mysql:8.0.39');
  });

  it('stops a create it cannot finish offline with the failed step and the fix', async () => {
    const started = await api<ClusterOperationStarted>('POST', '/api/v1/cluster', {
      name: 'wired',
      provider: 'kind',
      profile: 'lite',
    });
    expect(started.operation.id).toBeTruthy();
    let status = await api<ClusterStatus>('GET', '/api/v1/cluster');
    for (let i = 0; i < 300 && status.state !== 'ERROR' && status.state !== 'RUNNING'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await api<ClusterStatus>('GET', '/api/v1/cluster');
    }
    expect(status.state).toBe('ERROR');
    // Offline and without the images, it fails at preflight (e.g. inotify limits) or at
    // the image preload: either way the message says what to run.
    expect(status.failure?.step).toMatch(/preflight|preload|image/i);
    expect(status.failure?.message).toMatch(/sysctl|docker pull|install|Fix/i);
  });
});
