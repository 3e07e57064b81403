import { describe, expect, it } from 'vitest';
import { gpuFlag, k3dCreateArgs, parseK3dClusterList } from './k3d-args.js';

const options = { gpuImage: 'local/k3s-nvidia:v1', k3sImage: 'rancher/k3s:v1' };

describe('k3d create arguments', () => {
  it('uses the plain local k3s image without GPUs, and the NVIDIA one with them', () => {
    const plain = k3dCreateArgs('skiff-a', { nodes: 1, gpus: 'none', ports: [] }, options);
    expect(plain).toEqual([
      'cluster',
      'create',
      'skiff-a',
      '--servers',
      '1',
      '--agents',
      '0',
      '--image',
      'rancher/k3s:v1',
      '--kubeconfig-update-default=false',
      '--kubeconfig-switch-context=false',
      '--wait',
      '--timeout',
      '120s',
    ]);
    const gpu = k3dCreateArgs('skiff-a', { nodes: 1, gpus: 'all', ports: [] }, options);
    expect(gpu).toContain('local/k3s-nvidia:v1');
    expect(gpu).not.toContain('rancher/k3s:v1');
    expect(gpu).toContain('skiff.dev/gpu=true@server:0');
  });

  it('quotes a GPU list because Docker reads --gpus as CSV', () => {
    expect(gpuFlag('none')).toBeUndefined();
    expect(gpuFlag('all')).toBe('all');
    expect(gpuFlag([0, 3])).toBe('"device=0,3"');
  });
});

describe('k3d cluster list', () => {
  it("keeps Skiff's clusters, counts servers and agents, and running only when all run", () => {
    const stdout = JSON.stringify([
      { name: 'skiff-a', serversCount: 1, serversRunning: 1, agentsCount: 2, agentsRunning: 1 },
      {
        name: 'someone-else',
        serversCount: 1,
        serversRunning: 1,
        agentsCount: 0,
        agentsRunning: 0,
      },
      { name: 'skiff-b', serversCount: 1, serversRunning: 1, agentsCount: 0, agentsRunning: 0 },
    ]);
    expect(parseK3dClusterList(stdout)).toEqual([
      { name: 'a', provider: 'k3d', nodes: 3, running: false },
      { name: 'b', provider: 'k3d', nodes: 1, running: true },
    ]);
    expect(parseK3dClusterList('')).toEqual([]);
    expect(parseK3dClusterList('not json')).toEqual([]);
  });
});
