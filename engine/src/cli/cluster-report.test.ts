import { describe, expect, it } from 'vitest';
import type { ClusterStatus } from '../api/contract.js';
import { archiveFile } from './cluster-images.js';
import { formatClusterStatus, formatPreflight } from './cluster-report.js';
import { createRequest } from './commands/cluster.js';

const running: ClusterStatus = {
  state: 'RUNNING',
  spec: {
    name: 'dev',
    provider: 'kind',
    nodes: 2,
    gpus: [0],
    ports: [],
    kubeconfigPath: '/h/clusters/dev/kubeconfig',
  },
  profile: 'lite',
  install: [],
  components: [
    {
      component: 'katib',
      ready: false,
      detail: '0/1 replicas ready',
      restarts: 3,
      lastError: 'CrashLoopBackOff',
    },
  ],
  endpoints: [
    {
      name: 'KFP UI',
      namespace: 'kubeflow',
      service: 'ml-pipeline-ui',
      port: 80,
      localPort: 18080,
      url: 'http://127.0.0.1:18080/',
      forwarding: true,
    },
  ],
  gpus: { enabled: true, request: [0] },
  usage: {
    nodes: 2,
    pods: 30,
    cpuCapacityMillis: 8000,
    cpuUsedMillis: 1500,
    memoryCapacityBytes: 2 ** 34,
  },
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('cluster status report', () => {
  it('shows state, GPUs, health with restarts and errors, and endpoint URLs', () => {
    const text = formatClusterStatus(running);
    expect(text).toContain('Cluster "dev": RUNNING');
    expect(text).toContain('kind, 2 node(s), profile lite, GPUs 0');
    expect(text).toMatch(/katib\s+✘ not ready 0\/1 replicas ready, 3 restarts — CrashLoopBackOff/);
    expect(text).toContain('http://127.0.0.1:18080/');
    expect(text).toContain('1.5 of 8 CPUs');
  });

  it('shows the failed step, last command and last lines in ERROR', () => {
    const text = formatClusterStatus({
      ...running,
      state: 'ERROR',
      failure: {
        code: 'INTERNAL',
        message: 'boom',
        step: 'Preloading images',
        lastCommand: 'kind load',
        lastLines: ['no space'],
      },
    });
    expect(text).toContain('Failed at "Preloading images": boom');
    expect(text).toContain('Last command: kind load');
    expect(text).toContain('    no space');
  });

  it('says how to create a cluster when there is none', () => {
    expect(formatClusterStatus({ ...running, state: 'NONE' })).toMatch(/skiff cluster create/);
  });

  it('prints fixes only for checks that are not ok', () => {
    const text = formatPreflight({
      report: {
        ok: false,
        checks: [
          { id: 'docker', title: 'Docker', status: 'ok', detail: 'up', fix: 'unused' },
          {
            id: 'mem',
            title: 'Memory',
            status: 'error',
            detail: '4 GiB',
            fix: 'Give Docker 8 GiB',
          },
        ],
      },
      providers: { kind: { found: true }, k3d: { found: false } },
      gpus: { nvidiaSmi: false, devices: [] },
      profiles: [],
    });
    expect(text).toContain('✘ Memory: 4 GiB\n      Fix: Give Docker 8 GiB');
    expect(text).not.toContain('unused');
  });
});

describe('cluster flags', () => {
  it('passes flags through and names --nodes when it is not a number', () => {
    expect(createRequest({ provider: 'k3d', nodes: '2', gpus: '0,1' })).toEqual({
      provider: 'k3d',
      nodes: 2,
      gpus: '0,1',
    });
    expect(() => createRequest({ nodes: 'two' })).toThrow(/^--nodes: /);
  });

  it('puts the archive in a folder, or uses a .tar path as given', () => {
    expect(archiveFile('/tmp/not-here-dir', 'lite')).toBe(
      '/tmp/not-here-dir/skiff-lite-images.tar',
    );
    expect(archiveFile('/tmp/x.tar', 'full')).toBe('/tmp/x.tar');
  });
});
