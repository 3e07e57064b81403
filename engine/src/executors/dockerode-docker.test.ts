import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SkiffError } from '../core/errors.js';
import { createDockerodeDocker, resolveDockerEndpoint, toDockerInfo } from './dockerode-docker.js';

function dockerAnswers(): boolean {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
      stdio: 'ignore',
      timeout: 5000,
    });
    return true;
  } catch {
    return false;
  }
}

const daemonUp = dockerAnswers();

describe('createDockerodeDocker().info', () => {
  it.skipIf(!daemonUp)(
    'reads the facts of the running daemon (needs `docker info` to answer)',
    async () => {
      const info = await createDockerodeDocker().info();
      expect(info.serverVersion).not.toBe('');
      expect(info.cpus).toBeGreaterThan(0);
      expect(info.memoryBytes).toBeGreaterThan(0);
      expect(info.runtimes).toContain('runc');
      expect(['1', '2']).toContain(info.cgroupVersion);
    },
  );

  it('fails with UNAVAILABLE and the fix when the socket does not exist', async () => {
    const docker = createDockerodeDocker({ socketPath: '/tmp/skiff-no-such-docker.sock' });
    const error: unknown = await docker.info().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkiffError);
    const skiffError = error as SkiffError;
    expect(skiffError.code).toBe('UNAVAILABLE');
    expect(skiffError.message).toContain('/tmp/skiff-no-such-docker.sock');
    expect(skiffError.message).toContain('no such socket');
    expect(skiffError.message).toContain('sudo systemctl start docker');
    expect(skiffError.message).toContain('DOCKER_HOST');
  });

  it('fails with CANCELLED when the caller aborts', async () => {
    const docker = createDockerodeDocker({ socketPath: '/tmp/skiff-no-such-docker.sock' });
    const error: unknown = await docker.info(AbortSignal.abort()).catch((e: unknown) => e);
    expect((error as SkiffError).code).toBe('CANCELLED');
  });
});

describe('resolveDockerEndpoint', () => {
  const none = (): boolean => false;

  it('prefers an explicit socket path', () => {
    expect(
      resolveDockerEndpoint({ socketPath: '/x.sock' }, { DOCKER_HOST: 'unix:///y.sock' }),
    ).toEqual({
      socketPath: '/x.sock',
    });
  });

  it('reads a unix:// DOCKER_HOST', () => {
    expect(
      resolveDockerEndpoint({}, { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }, none),
    ).toEqual({
      socketPath: '/run/user/1000/docker.sock',
    });
  });

  it('leaves a tcp:// DOCKER_HOST to the modem', () => {
    expect(resolveDockerEndpoint({}, { DOCKER_HOST: 'tcp://127.0.0.1:2375' }, none)).toEqual({
      url: 'tcp://127.0.0.1:2375',
    });
  });

  it.skipIf(process.platform === 'win32')('falls back to /var/run/docker.sock', () => {
    expect(resolveDockerEndpoint({}, {}, none)).toEqual({ socketPath: '/var/run/docker.sock' });
  });
});

describe('toDockerInfo', () => {
  it('maps the daemon fields the engine uses', () => {
    expect(
      toDockerInfo({
        ServerVersion: '27.3.1',
        OperatingSystem: 'Docker Desktop',
        NCPU: 8,
        MemTotal: 8_000_000_000,
        Runtimes: { runc: { path: 'runc' }, nvidia: { path: 'nvidia-container-runtime' } },
        DefaultRuntime: 'runc',
        CgroupVersion: '2',
        Containers: 3,
      }),
    ).toEqual({
      serverVersion: '27.3.1',
      operatingSystem: 'Docker Desktop',
      cpus: 8,
      memoryBytes: 8_000_000_000,
      runtimes: ['nvidia', 'runc'],
      defaultRuntime: 'runc',
      cgroupVersion: '2',
    });
  });

  it('tolerates missing fields from old daemons', () => {
    expect(toDockerInfo({ ServerVersion: '1.13.1' })).toMatchObject({
      serverVersion: '1.13.1',
      runtimes: [],
      cgroupVersion: '',
      cpus: 0,
    });
  });
});
