import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreflightCheck } from '../../engine/src/cluster/cluster-types.js';
import type { PreflightInput } from '../../engine/src/cluster/preflight/preflight-facts.js';
import { assertPreflight, runPreflight } from '../../engine/src/cluster/preflight/run-preflight.js';
import type { Docker, DockerInfo } from '../../engine/src/core/ports.js';
import { createDockerodeDocker } from '../../engine/src/executors/dockerode-docker.js';
import { createExecaExec } from '../../engine/src/executors/execa-exec.js';
import { installFakeCli, type FakeCli } from './providers-fake-cli.js';

const exec = createExecaExec();
let fake: FakeCli;
beforeEach(() => {
  fake = installFakeCli();
});
afterEach(() => fake.restore());

const bigDocker: Docker = {
  info: (): Promise<DockerInfo> =>
    Promise.resolve({
      serverVersion: '27.0.0',
      operatingSystem: 'Debian GNU/Linux 12',
      cpus: 8,
      memoryBytes: 16 * 1024 ** 3,
      runtimes: ['runc'],
      defaultRuntime: 'runc',
      cgroupVersion: '2',
    }),
};

function input(overrides: Partial<PreflightInput> = {}): PreflightInput {
  return {
    provider: 'kind',
    profile: 'lite',
    gpus: 'none',
    hostPorts: [],
    home: path.join(fake.dir, 'home'),
    ...overrides,
  };
}

const deadSocket = (): { socketPath: string } => ({
  socketPath: path.join(fake.dir, 'no-docker.sock'),
});
const find = (checks: PreflightCheck[], id: string) => checks.find((check) => check.id === id);

describe('cluster preflight', () => {
  it('passes the binary check with the fake kind on PATH', async () => {
    const report = await runPreflight(input(), {
      docker: bigDocker,
      exec,
      dockerConnection: deadSocket(),
    });
    expect(find(report.checks, 'kind-binary')).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('v0.27.0') as string,
    });
  });

  it('fails on a missing k3d binary with the install command as the fix', async () => {
    process.env.PATH = path.join(fake.dir, 'empty');
    const report = await runPreflight(input({ provider: 'k3d' }), {
      docker: bigDocker,
      exec,
      dockerConnection: deadSocket(),
    });
    expect(report.ok).toBe(false);
    expect(find(report.checks, 'k3d-binary')).toMatchObject({
      status: 'error',
      detail: '`k3d` is not on PATH',
    });
    expect(find(report.checks, 'k3d-binary')?.fix).toContain('k3d-io/k3d');
    expect(() => assertPreflight(report)).toThrow(
      /k3d binary: `k3d` is not on PATH\. Fix: Install k3d v5\.6\.0 or newer/,
    );
  });

  it('fails when Docker is down, saying how to start it, and skips what needs Docker', async () => {
    const docker = createDockerodeDocker(deadSocket());
    const report = await runPreflight(input({ gpus: 'all' }), {
      docker,
      exec,
      dockerConnection: deadSocket(),
      platform: 'linux',
    });
    const check = find(report.checks, 'docker');
    expect(check?.status).toBe('error');
    expect(check?.detail).toContain('no-docker.sock');
    expect(check?.fix).toContain('sudo systemctl start docker');
    expect(find(report.checks, 'docker-resources')).toBeUndefined();
    expect(find(report.checks, 'gpu-runtime')).toBeUndefined();
    expect(() => assertPreflight(report)).toThrow(/Docker: .*Fix: Start it/);
  });

  it('flags an old kind version with the upgrade as the fix', async () => {
    process.env.FAKE_KIND_VERSION = 'v0.17.0';
    try {
      const report = await runPreflight(input(), {
        docker: bigDocker,
        exec,
        dockerConnection: deadSocket(),
      });
      expect(find(report.checks, 'kind-binary')).toMatchObject({
        status: 'error',
        detail: expect.stringContaining('v0.17.0, older than v0.20.0') as string,
      });
    } finally {
      delete process.env.FAKE_KIND_VERSION;
    }
  });

  it('asks for GPU prerequisites only when GPUs are requested', async () => {
    process.env.PATH = `${path.join(fake.dir, 'empty')}${path.delimiter}${process.env.PATH ?? ''}`;
    const off = await runPreflight(input(), {
      docker: bigDocker,
      exec,
      dockerConnection: deadSocket(),
    });
    expect(find(off.checks, 'gpu')).toMatchObject({
      status: 'ok',
      detail: 'GPUs are off for this cluster',
    });

    const on = await runPreflight(input({ gpus: 'all' }), {
      docker: bigDocker,
      exec,
      dockerConnection: deadSocket(),
    });
    expect(find(on.checks, 'gpu-runtime')).toMatchObject({
      status: 'error',
      detail: "Docker's runtimes are runc, without nvidia",
    });
    expect(find(on.checks, 'gpu-packages')?.fix).toContain(
      'apt-get download nvidia-container-toolkit',
    );
  });
});
