import { describe, expect, it } from 'vitest';
import type { Operation, SystemInfo } from '../api/contract.js';
import {
  formatDuration,
  formatEngineLine,
  formatOperationTable,
  formatStatusReport,
} from './status-report.js';

const GiB = 1024 ** 3;
const system: SystemInfo = {
  skiffVersion: '0.1.0',
  platform: { os: 'linux', arch: 'x64', release: '6.1.0', node: '20.20.2' },
  cpus: 2,
  memory: { totalBytes: 24 * GiB, freeBytes: 12 * GiB },
  disk: { path: '/home/me/.skiff', totalBytes: 200 * GiB, freeBytes: 120 * GiB },
  docker: {
    reachable: true,
    version: '20.10.24',
    operatingSystem: 'Debian',
    cpus: 2,
    memoryBytes: 24 * GiB,
    runtimes: ['io.containerd.runc.v2', 'runc'],
    nvidiaRuntime: false,
    cgroupVersion: '1',
  },
  tools: {
    kind: { found: false },
    k3d: { found: false },
    kubectl: { found: true, path: '/usr/bin/kubectl', version: 'v1.31.4' },
  },
  gpus: { nvidiaSmi: false, devices: [] },
  probedAt: '2025-01-01T00:00:00.000Z',
};

const running: Operation = {
  id: 'op-1',
  kind: 'cluster.create',
  title: 'Create cluster "dev"',
  state: 'RUNNING',
  progress: { current: 3, total: 7, message: 'Creating kind cluster' },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('formatStatusReport', () => {
  it('prints the engine, the machine and running operations', () => {
    const text = formatStatusReport(
      {
        url: 'http://127.0.0.1:8740',
        version: '0.1.0',
        pid: 42,
        startedAt: '2025-01-01T00:00:00.000Z',
      },
      system,
      [running],
      new Date('2025-01-01T00:03:12.000Z'),
    );
    expect(text).toBe(
      [
        'Skiff 0.1.0 is running at http://127.0.0.1:8740 (pid 42, up 3m 12s)',
        '',
        'System',
        '  Machine   linux x64, 2 CPUs, 24 GiB memory (12 GiB free), Node 20.20.2',
        '  Disk      120 GiB free of 200 GiB under /home/me/.skiff',
        '  Docker    20.10.24, 2 CPUs, 24 GiB, runtimes io.containerd.runc.v2, runc',
        '  GPUs      none (no NVIDIA GPU found)',
        '  Tools     kind not found, k3d not found, kubectl v1.31.4',
        '',
        'Operations',
        '  ID    STATE    PROGRESS  TITLE',
        '  op-1  RUNNING  3/7       Create cluster "dev" — Creating kind cluster',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing runs and when Docker is down', () => {
    const text = formatStatusReport(
      { url: 'http://127.0.0.1:1', version: '0.1.0' },
      { ...system, docker: { reachable: false, error: 'Docker is not reachable.' } },
      [],
      new Date(),
    );
    expect(text).toContain('Skiff 0.1.0 is running at http://127.0.0.1:1\n');
    expect(text).toContain('  Docker    not reachable — Docker is not reachable.');
    expect(text).toContain('  No running operations.');
  });
});

describe('formatOperationTable', () => {
  it('shows the error of a failed operation', () => {
    const failed: Operation = {
      ...running,
      state: 'FAILED',
      error: { code: 'UNAVAILABLE', message: 'Docker is not reachable.' },
    };
    expect(formatOperationTable([failed])[1]).toBe(
      'op-1  FAILED  3/7       Create cluster "dev" — Docker is not reachable.',
    );
  });
});

describe('durations', () => {
  it('reads like people speak', () => {
    expect(formatDuration(5_000)).toBe('5s');
    expect(formatDuration(3_600_000 + 120_000)).toBe('1h 2m');
    expect(formatDuration(2 * 86_400_000 + 3_600_000)).toBe('2d 1h');
    expect(formatDuration(-10)).toBe('0s');
  });

  it('omits facts it does not have', () => {
    expect(formatEngineLine({ url: 'u', version: 'v', startedAt: 'garbage' }, new Date())).toBe(
      'Skiff v is running at u',
    );
  });
});
