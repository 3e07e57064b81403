import { describe, expect, it } from 'vitest';
import type { ContainerRunSpec } from './container-executor.js';
import { toContainerConfig } from './docker-container-config.js';

const base: ContainerRunSpec = {
  name: 'skiff-run1/train',
  image: 'local/python-ml:bookworm',
  argv: ['python3', '-c', 'print(1)'],
  env: { A: '1', B: 'x=y' },
  mounts: [],
};

describe('toContainerConfig', () => {
  it('runs exactly the argv with no image entrypoint, on the host network by default', () => {
    const config = toContainerConfig(base);
    expect(config.Image).toBe('local/python-ml:bookworm');
    expect(config.Entrypoint).toEqual([]);
    expect(config.Cmd).toEqual(['python3', '-c', 'print(1)']);
    expect(config.Env).toEqual(['A=1', 'B=x=y']);
    expect(config.HostConfig?.NetworkMode).toBe('host');
    expect(config.WorkingDir).toBeUndefined();
    expect(config.name).toMatch(/^skiff-run1-train-[0-9a-f]{6}$/);
  });

  it('maps mounts, network, limits and GPUs', () => {
    const config = toContainerConfig({
      ...base,
      workingDir: '/work',
      network: 'none',
      mounts: [
        { hostPath: '/home/u/runs/1', containerPath: '/skiff/outputs' },
        { hostPath: '/home/u/data', containerPath: '/data', readOnly: true },
      ],
      resources: { cpuLimit: 1.5, memoryLimitBytes: 512 * 1024 * 1024, gpus: { count: 2 } },
    });
    expect(config.WorkingDir).toBe('/work');
    expect(config.HostConfig).toMatchObject({
      Binds: ['/home/u/runs/1:/skiff/outputs', '/home/u/data:/data:ro'],
      NetworkMode: 'none',
      NanoCpus: 1_500_000_000,
      Memory: 536_870_912,
      DeviceRequests: [{ Driver: 'nvidia', Count: 2, Capabilities: [['gpu']] }],
    });
    const all = toContainerConfig({ ...base, resources: { gpus: { count: 'all' } } });
    expect(all.HostConfig?.DeviceRequests?.[0]?.Count).toBe(-1);
    const none = toContainerConfig({ ...base, resources: { gpus: { count: 0 } } });
    expect(none.HostConfig?.DeviceRequests).toBeUndefined();
  });

  it('labels the container as Skiff-managed, keeping the spec labels', () => {
    const config = toContainerConfig({
      ...base,
      labels: { 'dev.skiff.run': 'run1', 'dev.skiff.managed': 'false' },
    });
    expect(config.Labels).toEqual({
      'dev.skiff.run': 'run1',
      'dev.skiff.task': 'skiff-run1/train',
      'dev.skiff.managed': 'true',
    });
  });

  it('runs as a non-root host user with a writable HOME, unless the spec sets one', () => {
    const config = toContainerConfig(base, { uid: 1000, gid: 1001 });
    expect(config.User).toBe('1000:1001');
    expect(config.Env).toContain('HOME=/tmp');
    const ownHome = toContainerConfig(
      { ...base, env: { HOME: '/home/me' } },
      { uid: 1000, gid: 1 },
    );
    expect(ownHome.Env).toEqual(['HOME=/home/me']);
  });

  it("keeps the image's user when the engine runs as root", () => {
    const config = toContainerConfig(base, { uid: 0, gid: 0 });
    expect(config.User).toBeUndefined();
    expect(config.Env).toEqual(['A=1', 'B=x=y']);
  });
});
