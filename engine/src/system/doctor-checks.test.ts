import { describe, expect, it } from 'vitest';
import type { SystemInfo } from '../api/contract.js';
import { GiB } from './byte-size.js';
import { doctorChecks, hasErrors, type DoctorCheck, type DoctorFacts } from './doctor-checks.js';

function system(overrides: Partial<SystemInfo> = {}): SystemInfo {
  return {
    skiffVersion: '0.1.0',
    platform: { os: 'linux', arch: 'x64', release: '6.1.0', node: '20.20.2' },
    cpus: 8,
    memory: { totalBytes: 32 * GiB, freeBytes: 16 * GiB },
    disk: { path: '/home/me/.skiff', totalBytes: 500 * GiB, freeBytes: 200 * GiB },
    docker: {
      reachable: true,
      version: '27.3.1',
      operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
      cpus: 8,
      memoryBytes: 32 * GiB,
      runtimes: ['runc'],
      nvidiaRuntime: false,
      cgroupVersion: '2',
    },
    tools: {
      kind: { found: true, path: '/usr/local/bin/kind', version: 'v0.27.0' },
      k3d: { found: true, path: '/usr/local/bin/k3d', version: 'v5.8.3' },
      kubectl: { found: true, path: '/usr/bin/kubectl', version: 'v1.31.4' },
    },
    gpus: { nvidiaSmi: false, devices: [] },
    probedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function facts(overrides: Partial<DoctorFacts> = {}): DoctorFacts {
  return {
    node: '20.20.2',
    platform: 'linux',
    arch: 'x64',
    system: system(),
    dockerCli: '/usr/bin/docker',
    chromium: '/usr/bin/chromium',
    inotify: { maxUserWatches: 524288, maxUserInstances: 512 },
    home: { path: '/home/me/.skiff', exists: true, writable: true },
    ...overrides,
  };
}

function check(checks: DoctorCheck[], id: string): DoctorCheck {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

describe('doctorChecks', () => {
  it('passes a well-equipped machine without a GPU: only the optional GPU line is missing', () => {
    const checks = doctorChecks(facts());
    expect(checks.map((c) => c.id)).toEqual([
      'node',
      'home',
      'disk',
      'docker',
      'docker-resources',
      'gpu',
      'nvidia-runtime',
      'chromium',
      'kind',
      'k3d',
      'kubectl',
      'inotify',
    ]);
    expect(checks.filter((c) => c.status !== 'ok').map((c) => c.id)).toEqual(['gpu']);
    expect(check(checks, 'docker').detail).toBe(
      'Docker 27.3.1 on Debian GNU/Linux 12 (bookworm), cgroup v2',
    );
    expect(check(checks, 'gpu')).toMatchObject({
      status: 'missing',
      detail: expect.stringContaining('No NVIDIA GPU found — GPU passthrough is off') as unknown,
      fix: expect.stringContaining('NVIDIA Container Toolkit') as unknown,
    });
  });

  it('gives every line that is not ok a fix', () => {
    const checks = doctorChecks(
      facts({
        node: '18.19.0',
        home: { path: '/root/.skiff', exists: true, writable: false },
        system: system({
          disk: { path: '/x', totalBytes: 100 * GiB, freeBytes: 0.5 * GiB },
          docker: {
            reachable: false,
            error:
              'Docker is not reachable at /var/run/docker.sock (no such socket). Start Docker.',
          },
          tools: { kind: { found: false }, k3d: { found: false }, kubectl: { found: false } },
          gpus: { nvidiaSmi: false, devices: [], error: 'nvidia-smi failed: driver mismatch' },
        }),
        inotify: { maxUserWatches: 8192, maxUserInstances: 128 },
      }),
    );
    const notOk = checks.filter((c) => c.status !== 'ok');
    expect(notOk.length).toBeGreaterThanOrEqual(9);
    for (const c of notOk) expect(c.fix, c.id).toBeTruthy();
  });

  it('calls Docker missing (not an error) and tells how to install it when there is no CLI', () => {
    const checks = doctorChecks(
      facts({
        dockerCli: undefined,
        system: system({
          docker: {
            reachable: false,
            error:
              'Docker is not reachable at /var/run/docker.sock (no such socket). Start Docker.',
          },
        }),
      }),
    );
    const docker = check(checks, 'docker');
    expect(docker.status).toBe('missing');
    expect(docker.detail).toBe(
      'Not installed: Docker is not reachable at /var/run/docker.sock (no such socket)',
    );
    expect(docker.fix).toContain('apt-get install docker.io');
    expect(docker.fix).toContain('Docker Desktop');
    expect(hasErrors(checks)).toBe(false);
  });

  it('tells how to start Docker when it is installed but down', () => {
    const docker = check(
      doctorChecks(facts({ system: system({ docker: { reachable: false, error: 'refused.' } }) })),
      'docker',
    );
    expect(docker.detail).toContain('Installed (/usr/bin/docker)');
    expect(docker.fix).toContain('sudo systemctl start docker');
  });

  it('warns when Docker has too little memory or CPU for cluster mode', () => {
    const resources = check(
      doctorChecks(
        facts({
          platform: 'darwin',
          system: system({
            docker: {
              reachable: true,
              version: '27',
              operatingSystem: 'Docker Desktop',
              cpus: 1,
              memoryBytes: 2 * GiB,
              runtimes: ['runc'],
              nvidiaRuntime: false,
              cgroupVersion: '2',
            },
          }),
        }),
      ),
      'docker-resources',
    );
    expect(resources.status).toBe('warn');
    expect(resources.detail).toContain('2 CPUs and 4 GB memory');
    expect(resources.fix).toContain('Docker Desktop → Settings → Resources');
  });

  it('does not warn for a nominal 4 GB Docker VM', () => {
    const docker = {
      ...system().docker,
      memoryBytes: 4_100_000_000,
      cpus: 2,
    } as SystemInfo['docker'];
    expect(
      check(doctorChecks(facts({ system: system({ docker }) })), 'docker-resources').status,
    ).toBe('ok');
  });

  it('explains missing cluster tools with install commands for this platform', () => {
    const checks = doctorChecks(
      facts({
        system: system({
          tools: {
            kind: { found: false },
            k3d: { found: false },
            kubectl: { found: true, path: '/usr/bin/kubectl' },
          },
        }),
      }),
    );
    expect(check(checks, 'kind')).toMatchObject({ status: 'missing' });
    expect(check(checks, 'kind').fix).toContain('go install sigs.k8s.io/kind@v0.27.0');
    expect(check(checks, 'kind').fix).toContain('kind-linux-amd64');
    expect(check(checks, 'k3d').fix).toContain('k3d-io/k3d');
    expect(check(checks, 'kubectl')).toMatchObject({
      status: 'ok',
      detail: 'version unknown (/usr/bin/kubectl)',
    });
  });

  it('warns about low inotify limits with the sysctl fix and how to persist it', () => {
    const inotify = check(
      doctorChecks(facts({ inotify: { maxUserWatches: 192536, maxUserInstances: 128 } })),
      'inotify',
    );
    expect(inotify.status).toBe('warn');
    expect(inotify.detail).toContain('max_user_watches 192536, max_user_instances 128');
    expect(inotify.fix).toContain(
      'sudo sysctl fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=512',
    );
    expect(inotify.fix).toContain('/etc/sysctl.d/');
  });

  it('treats inotify as not applicable off Linux', () => {
    const darwin = facts({ platform: 'darwin' });
    delete darwin.inotify;
    expect(check(doctorChecks(darwin), 'inotify')).toMatchObject({
      status: 'ok',
    });
  });

  it('lists GPUs and warns when Docker lacks the nvidia runtime for them', () => {
    const checks = doctorChecks(
      facts({
        system: system({
          gpus: {
            nvidiaSmi: true,
            devices: [
              {
                index: 0,
                name: 'NVIDIA GeForce RTX 3090',
                memoryMiB: 24576,
                driverVersion: '550.54.14',
              },
            ],
          },
        }),
      }),
    );
    expect(check(checks, 'gpu').detail).toBe(
      '#0 NVIDIA GeForce RTX 3090 (24 GiB), driver 550.54.14',
    );
    expect(check(checks, 'nvidia-runtime').status).toBe('warn');
    expect(check(checks, 'nvidia-runtime').fix).toContain('nvidia-ctk runtime configure');
  });

  it('reports Chromium missing with the apt command', () => {
    const noBrowser = facts();
    delete noBrowser.chromium;
    const chromium = check(doctorChecks(noBrowser), 'chromium');
    expect(chromium.status).toBe('missing');
    expect(chromium.fix).toContain('apt-get install chromium');
  });

  it('makes an old Node, an unwritable home and a full disk errors', () => {
    const checks = doctorChecks(
      facts({
        node: '20.18.3',
        home: { path: '/root/.skiff', exists: false, writable: false },
        system: system({ disk: { path: '/x', totalBytes: 100 * GiB, freeBytes: 0.2 * GiB } }),
      }),
    );
    expect(check(checks, 'node').status).toBe('error');
    expect(check(checks, 'home').status).toBe('error');
    expect(check(checks, 'disk').status).toBe('error');
    expect(hasErrors(checks)).toBe(true);
  });

  it('warns below 20 GB free', () => {
    const disk = check(
      doctorChecks(
        facts({
          system: system({ disk: { path: '/x', totalBytes: 100 * GiB, freeBytes: 12 * GiB } }),
        }),
      ),
      'disk',
    );
    expect(disk).toMatchObject({ status: 'warn', detail: '12 GiB free of 100 GiB under /x' });
  });

  it('accepts Node 22 and 20.19', () => {
    expect(check(doctorChecks(facts({ node: '22.1.0' })), 'node').status).toBe('ok');
    expect(check(doctorChecks(facts({ node: '20.19.0' })), 'node').status).toBe('ok');
  });
});
