import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterEndpointView, ClusterStatus } from '../api/contract.js';
import { applyMergePatch } from '../store/json-merge-patch.js';
import { LOCAL_CLUSTER_TARGET, syncLocalClusterTarget } from './local-cluster-target.js';
import { TargetStore } from './target-store.js';

function memoryStore(): TargetStore {
  let targets: unknown = {};
  return new TargetStore(join(mkdtempSync(join(tmpdir(), 'skiff-targets-')), 'secrets'), {
    read: () => targets,
    patch: (patch) => {
      targets = applyMergePatch(targets, patch);
      return Promise.resolve();
    },
  });
}

const endpoint = (name: string, localPort: number): ClusterEndpointView => ({
  name,
  namespace: 'kubeflow',
  service: name,
  port: 80,
  localPort,
  url: `http://127.0.0.1:${localPort}/`,
  forwarding: true,
});

function status(state: ClusterStatus['state'], endpoints: ClusterEndpointView[] = []) {
  return {
    state,
    install: [],
    components: [],
    endpoints,
    gpus: { enabled: false, request: 'none' },
    updatedAt: new Date(0).toISOString(),
  } satisfies ClusterStatus;
}

describe('the local-cluster target', () => {
  it('appears when the cluster runs, pointing at its forwarded KFP API, and goes with it', async () => {
    const store = memoryStore();
    await syncLocalClusterTarget(store, status('INSTALLING'));
    expect(store.list()).toEqual([]);
    const running = status('RUNNING', [endpoint('kfp-api', 18701), endpoint('kfp-ui', 18702)]);
    await syncLocalClusterTarget(store, running);
    expect(store.list()).toEqual([
      expect.objectContaining({
        name: LOCAL_CLUSTER_TARGET,
        url: 'http://127.0.0.1:18701',
        uiUrl: 'http://127.0.0.1:18702',
        auth: { type: 'none' },
      }),
    ]);
    await syncLocalClusterTarget(store, status('NONE'));
    expect(store.list()).toEqual([]);
  });

  it('leaves a target of that name the user pointed elsewhere alone', async () => {
    const store = memoryStore();
    await store.put(LOCAL_CLUSTER_TARGET, {
      url: 'https://kf.example.com',
      auth: { type: 'none' },
    });
    await syncLocalClusterTarget(store, status('RUNNING', [endpoint('kfp-api', 18701)]));
    await syncLocalClusterTarget(store, status('NONE'));
    expect(store.list().map((target) => target.url)).toEqual(['https://kf.example.com']);
  });
});
