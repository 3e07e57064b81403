import { describe, expect, it } from 'vitest';
import type { DockerInfo } from '../../core/ports.js';
import type { PreflightFacts } from './preflight-facts.js';
import { compareVersions } from './preflight-checks.js';
import { assertPreflight, preflightReport } from './run-preflight.js';

const GiB = 1024 ** 3;
const info: DockerInfo = {
  serverVersion: '27.0.0',
  operatingSystem: 'Debian GNU/Linux 12',
  cpus: 8,
  memoryBytes: 16 * GiB,
  runtimes: ['nvidia', 'runc'],
  defaultRuntime: 'runc',
  cgroupVersion: '2',
};

function facts(overrides: Partial<PreflightFacts> = {}): PreflightFacts {
  return {
    provider: 'kind',
    profile: 'lite',
    gpus: 'none',
    hostPorts: [8080],
    home: '/home/u/.skiff',
    platform: 'linux',
    docker: { up: true, info },
    tool: { found: true, path: '/usr/local/bin/kind', version: 'v0.27.0' },
    disks: [
      {
        label: 'Skiff home',
        space: { path: '/home/u/.skiff', totalBytes: 500 * GiB, freeBytes: 200 * GiB },
      },
    ],
    inotify: { maxUserWatches: 524288, maxUserInstances: 512 },
    busyPorts: [],
    ...overrides,
  };
}

const check = (f: PreflightFacts, id: string) => preflightReport(f).checks.find((c) => c.id === id);

describe('preflight checks', () => {
  it('passes a well-equipped machine with every check ok', () => {
    const report = preflightReport(facts());
    expect(report.ok).toBe(true);
    expect(report.checks.every((c) => c.status === 'ok' && c.fix === undefined)).toBe(true);
  });

  it('warns when Docker has less memory than the profile needs, and suggests lite for full', () => {
    const small = facts({
      profile: 'full',
      docker: { up: true, info: { ...info, memoryBytes: 8 * GiB } },
    });
    expect(check(small, 'docker-resources')).toMatchObject({ status: 'warning' });
    expect(check(small, 'docker-resources')?.detail).toContain('needs 12 GiB');
    expect(check(small, 'docker-resources')?.fix).toContain('lite profile');
    expect(
      check(
        facts({ docker: { up: true, info: { ...info, memoryBytes: 7.8 * GiB } } }),
        'docker-resources',
      )?.status,
    ).toBe('ok');
  });

  it('shows the inotify values and the exact sysctl fix', () => {
    const low = check(
      facts({ inotify: { maxUserWatches: 8192, maxUserInstances: 128 } }),
      'inotify',
    );
    expect(low?.detail).toContain(
      'fs.inotify.max_user_watches = 8192, fs.inotify.max_user_instances = 128',
    );
    expect(low?.fix).toContain(
      '`sudo sysctl -w fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=512`',
    );
    expect(low?.fix).toContain('/etc/sysctl.d/99-skiff.conf');
    expect(check(facts({ platform: 'darwin' }), 'inotify')).toBeUndefined();
  });

  it('fails on a busy port and a nearly full disk, and warns on cgroup v1', () => {
    const f = facts({
      busyPorts: [8080],
      disks: [
        { label: 'Skiff home', space: { path: '/h', totalBytes: 100 * GiB, freeBytes: 2 * GiB } },
      ],
      docker: { up: true, info: { ...info, cgroupVersion: '1' } },
    });
    expect(check(f, 'ports')).toMatchObject({
      status: 'error',
      detail: '127.0.0.1:8080 already in use',
    });
    expect(check(f, 'disk-home')?.status).toBe('error');
    expect(check(f, 'cgroup')?.status).toBe('warning');
    expect(() => assertPreflight(preflightReport(f))).toThrow(
      /these are fixed:\n- Free disk.*\n- Host ports/s,
    );
  });

  it('checks GPUs: unknown index, the k3d image and the package cache', () => {
    const gpu = {
      nvidiaSmi: true,
      deviceIndexes: [0],
      packageDir: '/p',
      missingPackages: ['libnvidia-container1'],
    };
    const kind = facts({ gpus: [0, 3], gpu });
    expect(check(kind, 'gpu-driver')).toMatchObject({
      status: 'error',
      detail: 'GPU 3 not found; nvidia-smi lists 0',
    });
    expect(check(kind, 'gpu-packages')?.status).toBe('error');

    const k3dReady = facts({
      provider: 'k3d',
      gpus: 'all',
      gpu: { ...gpu, gpuImage: { name: 'local/k3s-nvidia:v1', present: true } },
    });
    expect(check(k3dReady, 'gpu-image')?.status).toBe('ok');
    // With the image built, k3d no longer needs the package cache.
    expect(check(k3dReady, 'gpu-packages')).toBeUndefined();
  });

  it('compares versions by number', () => {
    expect(compareVersions('v0.27.0', 'v0.20.0')).toBe(1);
    expect(compareVersions('v0.9.0', 'v0.20.0')).toBe(-1);
    expect(compareVersions('v5.6.0-rc.1', 'v5.6.0')).toBe(0);
  });
});
