import { describe, expect, it } from 'vitest';
import type { SystemInfo } from '../api/contract.js';
import type { Clock, Docker, Exec } from '../core/ports.js';
import { probeSystem } from './probe-system.js';
import { SystemStatus } from './system-status.js';

class FakeClock implements Clock {
  ms = Date.parse('2025-01-01T00:00:00Z');
  now(): Date {
    return new Date(this.ms);
  }
  sleep(): Promise<void> {
    return Promise.resolve();
  }
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const downDocker: Docker = { info: () => Promise.reject(new Error('Docker is not reachable.')) };
const emptyExec: Exec = {
  which: () => Promise.resolve(undefined),
  run: () => Promise.reject(new Error('nothing to run')),
};

function info(n: number): SystemInfo {
  return { skiffVersion: `probe-${n}` } as SystemInfo;
}

function setup(): {
  clock: FakeClock;
  status: SystemStatus;
  probes: Array<{ resolve: (value: SystemInfo) => void }>;
} {
  const clock = new FakeClock();
  const probes: Array<{ resolve: (value: SystemInfo) => void }> = [];
  const status = new SystemStatus({
    docker: downDocker,
    exec: emptyExec,
    clock,
    home: '/tmp',
    version: '0.0.0',
    ttlMs: 5000,
    probe: () => {
      const next = deferred<SystemInfo>();
      probes.push(next);
      return next.promise;
    },
  });
  return { clock, status, probes };
}

describe('SystemStatus', () => {
  it('makes the first caller wait and shares one probe between concurrent callers', async () => {
    const { status, probes } = setup();
    const calls = Promise.all([status.get(), status.get(), status.refresh()]);
    expect(probes).toHaveLength(1);
    probes[0]?.resolve(info(1));
    expect((await calls).map((v) => v.skiffVersion)).toEqual(['probe-1', 'probe-1', 'probe-1']);
  });

  it('answers from the cache while it is fresh', async () => {
    const { clock, status, probes } = setup();
    const first = status.get();
    probes[0]?.resolve(info(1));
    await first;
    clock.ms += 4999;
    expect((await status.get()).skiffVersion).toBe('probe-1');
    expect(probes).toHaveLength(1);
  });

  it('returns the stale value at once and refreshes once in the background', async () => {
    const { clock, status, probes } = setup();
    const first = status.get();
    probes[0]?.resolve(info(1));
    await first;
    clock.ms += 5000;
    expect((await status.get()).skiffVersion).toBe('probe-1');
    expect((await status.get()).skiffVersion).toBe('probe-1');
    expect(probes).toHaveLength(2);
    probes[1]?.resolve(info(2));
    await new Promise((resolve) => setImmediate(resolve));
    expect((await status.get()).skiffVersion).toBe('probe-2');
    expect(probes).toHaveLength(2);
  });
});

describe('probeSystem', () => {
  it('never throws: Docker down and no tools are facts in the answer', async () => {
    const clock = new FakeClock();
    const result = await probeSystem({
      docker: downDocker,
      exec: emptyExec,
      clock,
      home: '/tmp/skiff-probe-test',
      version: '9.9.9',
    });
    expect(result.skiffVersion).toBe('9.9.9');
    expect(result.docker).toEqual({ reachable: false, error: 'Docker is not reachable.' });
    expect(result.tools.kind).toEqual({ found: false });
    expect(result.gpus).toEqual({ nvidiaSmi: false, devices: [] });
    expect(result.cpus).toBeGreaterThan(0);
    expect(result.probedAt).toBe('2025-01-01T00:00:00.000Z');
  });
});
