import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkiffError } from '../../engine/src/core/errors.js';
import type { ContainerRunSpec } from '../../engine/src/executors/container-executor.js';
import {
  attachDockerContainer,
  createDockerExecutor,
  listManagedContainers,
} from '../../engine/src/executors/docker-executor.js';
import { hasDocker } from '../support/requirements.js';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.js';

const BUSYBOX = 'local/busybox:1';
const docker = hasDocker();
const executor = createDockerExecutor();

interface Captured {
  exitCode: number;
  id: string;
  stdout: string[];
  stderr: string[];
}

function spec(argv: string[], extra: Partial<ContainerRunSpec> = {}): ContainerRunSpec {
  return {
    name: 'docker-test',
    image: BUSYBOX,
    argv,
    env: {},
    mounts: [],
    network: 'none',
    ...extra,
  };
}

async function run(
  argv: string[],
  extra: Partial<ContainerRunSpec> = {},
  chosen = executor,
): Promise<Captured> {
  const captured = { stdout: [] as string[], stderr: [] as string[] };
  const result = await chosen.run(spec(argv, extra), {
    signal: new AbortController().signal,
    onLog: (line, stream) => captured[stream].push(line),
  });
  return { ...result, ...captured };
}

async function failure(promise: Promise<unknown>): Promise<SkiffError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SkiffError);
  return error as SkiffError;
}

function containerExists(id: string): boolean {
  const out = execFileSync('docker', ['ps', '-aq', '--no-trunc', '--filter', `id=${id}`]);
  return out.toString().trim() !== '';
}

describe.skipIf(!docker)('docker executor (needs a Docker daemon and local/busybox:1)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'skiff-docker-test-'));
  });
  afterAll(() => {
    // Folders written by other uids (the hostUser test) may need root to delete; try anyway.
    rmSync(dir, { recursive: true, force: true });
  });

  it('resolves with the exit code and removes the container afterwards', async () => {
    const out = await run(['sh', '-c', 'exit 7']);
    expect(out.exitCode).toBe(7);
    expect(out.id).toMatch(/^[0-9a-f]{64}$/);
    expect(containerExists(out.id)).toBe(false);
    expect((await run(['true'], { network: 'host' })).exitCode).toBe(0);
  });

  it('passes env and workingDir', async () => {
    const out = await run(['sh', '-c', 'echo "$GREETING in $(pwd)"'], {
      env: { GREETING: 'hello world' },
      workingDir: '/tmp/work',
    });
    expect(out.stdout).toEqual(['hello world in /tmp/work']);
  });

  it('keeps stdout and stderr apart, each in order, with the last partial line', async () => {
    const script = "echo a; echo b >&2; echo c; echo d >&2; printf 'par'; sleep 0.2; printf tial";
    const out = await run(['sh', '-c', script]);
    expect(out.stdout).toEqual(['a', 'c', 'partial']);
    expect(out.stderr).toEqual(['b', 'd']);
  });

  it('runs exactly the argv, ignoring the image entrypoint', async () => {
    const image = 'local/skiff-test-entrypoint:1';
    execFileSync('docker', ['build', '-q', '-t', image, '-'], {
      input: `FROM ${BUSYBOX}\nENTRYPOINT ["echo", "wrapped"]\n`,
    });
    try {
      expect((await run(['echo', 'plain'], { image })).stdout).toEqual(['plain']);
    } finally {
      execFileSync('docker', ['rmi', '-f', image]);
    }
  });

  it('writes into a mounted folder as the host user, and honours read-only mounts', async () => {
    const out = await run(['sh', '-c', 'echo 42 > /out/answer && touch /in/x'], {
      mounts: [
        { hostPath: dir, containerPath: '/out' },
        { hostPath: dir, containerPath: '/in', readOnly: true },
      ],
    });
    expect(out.exitCode).not.toBe(0);
    expect(out.stderr.join('\n')).toMatch(/read-only/i);
    const answer = path.join(dir, 'answer');
    expect(readFileSync(answer, 'utf8')).toBe('42\n');
    expect(statSync(answer).uid).toBe(process.getuid?.());
    expect(statSync(answer).gid).toBe(process.getgid?.());
  });

  it('runs as a non-root host user as that uid:gid with a writable HOME', async () => {
    const shared = path.join(dir, 'shared');
    execFileSync('mkdir', ['-p', shared]);
    chmodSync(shared, 0o777);
    const asUser = createDockerExecutor({ hostUser: { uid: 4321, gid: 4322 } });
    const out = await run(
      ['sh', '-c', 'id -u; id -g; echo $HOME; touch $HOME/ok && touch /shared/file'],
      { mounts: [{ hostPath: shared, containerPath: '/shared' }] },
      asUser,
    );
    expect(out.stdout).toEqual(['4321', '4322', '/tmp']);
    expect(out.exitCode).toBe(0);
    expect(statSync(path.join(shared, 'file')).uid).toBe(4321);
  });

  it('resolves 127 with the reason when the command is not in the image', async () => {
    const out = await run(['skiff-no-such-command']);
    expect(out.exitCode).toBe(127);
    // docker-init reports it (`exec skiff-no-such-command failed: No such file or directory`).
    expect(out.stderr.join('\n')).toMatch(/skiff-no-such-command.*(not found|no such file)/i);
    expect(containerExists(out.id)).toBe(false);
  });

  it('refuses a mount whose host folder does not exist', async () => {
    const missing = path.join(dir, 'missing');
    const error = await failure(
      run(['true'], { mounts: [{ hostPath: missing, containerPath: '/m' }] }),
    );
    expect(error.code).toBe('FAILED_PRECONDITION');
    expect(error.message).toContain(missing);
  });

  const nvidia =
    docker &&
    execFileSync('docker', ['info', '--format', '{{json .Runtimes}}'])
      .toString()
      .includes('nvidia');
  it.skipIf(nvidia)(
    'fails with FAILED_PRECONDITION and the fix when GPUs are asked of a daemon without them',
    async () => {
      const error = await failure(run(['true'], { resources: { gpus: { count: 1 } } }));
      expect(error.code).toBe('FAILED_PRECONDITION');
      expect(error.message).toContain('NVIDIA Container Toolkit');
    },
  );

  describe('through a proxy that records every request', () => {
    let proxy: RecordingProxy | undefined;
    beforeAll(async () => {
      proxy = await startRecordingProxy(path.join(dir, 'proxy.sock'));
    });
    afterAll(async () => {
      await proxy?.close();
    });

    it('fails with FAILED_PRECONDITION naming a missing image, and never pulls', async () => {
      const through = createDockerExecutor({ socketPath: proxy?.socketPath ?? '' });
      const image = 'skiff-test/not-here:1';
      const error = await failure(run(['true'], { image }, through));
      expect(error.code).toBe('FAILED_PRECONDITION');
      expect(error.message).toContain(`Image "${image}" is not present and Skiff is offline`);
      expect(error.message).toContain('Settings → Images');
      expect(error.details).toEqual({ image });
      expect(proxy?.requests.some((r) => r.includes('/images/create'))).toBe(false);
      expect(proxy?.requests.some((r) => r.includes('/containers/create'))).toBe(false);
    });
  });

  it('fails with UNAVAILABLE and the fix when the daemon is not there', async () => {
    const nowhere = createDockerExecutor({ socketPath: path.join(dir, 'no-docker.sock') });
    const error = await failure(run(['true'], {}, nowhere));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('Start Docker');
  });

  it('stops and removes a cancelled `sleep 30` within 5 s', async () => {
    const controller = new AbortController();
    let id = '';
    const promise = executor.run(spec(['sleep', '30']), {
      signal: controller.signal,
      onLog: () => undefined,
      onStarted: (started) => {
        id = started;
        setTimeout(() => controller.abort(), 200);
      },
    });
    const started = Date.now();
    const error = await failure(promise);
    expect(error.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(id).not.toBe('');
    expect(containerExists(id)).toBe(false);
  });

  it('lets a new engine follow a running container to its end, and lists it meanwhile', async () => {
    const script = 'echo one; sleep 2; echo two; echo late >&2; exit 5';
    const beforeStart = Date.now() - 1000;
    const following: Promise<Captured>[] = [];
    let listed: Awaited<ReturnType<typeof listManagedContainers>> = [];
    const follow = (id: string, sinceMs?: number): Promise<Captured> => {
      const captured = { stdout: [] as string[], stderr: [] as string[] };
      const hooks = {
        signal: new AbortController().signal,
        onLog: (l: string, s: 'stdout' | 'stderr') => captured[s].push(l),
      };
      return attachDockerContainer(id, sinceMs === undefined ? hooks : { ...hooks, sinceMs }).then(
        (r) => ({ ...r, ...captured }),
      );
    };
    const original = await executor.run(
      spec(['sh', '-c', script], { labels: { 'dev.skiff.run': 'r1' } }),
      {
        signal: new AbortController().signal,
        onLog: () => undefined,
        onStarted: (id) => {
          // Give `echo one` time to pass, so "from now on" starts after it.
          const later = new Promise<void>((resolve) => setTimeout(resolve, 500));
          following.push(later.then(() => follow(id)));
          following.push(later.then(() => follow(id, beforeStart)));
          void later.then(async () => {
            listed = await listManagedContainers();
          });
        },
      },
    );
    const [fromNow, replayed] = await Promise.all(following);
    expect(original.exitCode).toBe(5);
    expect(fromNow?.exitCode).toBe(5);
    expect(fromNow?.stdout).toEqual(['two']);
    expect(fromNow?.stderr).toEqual(['late']);
    expect(replayed?.stdout).toEqual(['one', 'two']);
    const mine = listed.find((c) => c.id === original.id);
    expect(mine?.running).toBe(true);
    expect(mine?.labels).toMatchObject({ 'dev.skiff.managed': 'true', 'dev.skiff.run': 'r1' });
    expect(containerExists(original.id)).toBe(false);
  });

  it('fails with NOT_FOUND when re-attaching to a container that is gone', async () => {
    const error = await failure(
      attachDockerContainer('0123456789ab', {
        signal: new AbortController().signal,
        onLog: () => undefined,
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('0123456789ab');
  });
});
