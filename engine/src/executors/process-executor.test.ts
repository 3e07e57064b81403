import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkiffError } from '../core/errors.js';
import type { ContainerRunSpec, Mount } from './container-executor.js';
import { createProcessExecutor } from './process-executor.js';

const executor = createProcessExecutor();

interface Captured {
  exitCode: number;
  id: string;
  stdout: string[];
  stderr: string[];
  started: string[];
}

function spec(argv: string[], extra: Partial<ContainerRunSpec> = {}): ContainerRunSpec {
  return { name: 'test-task', image: 'ignored:1', argv, env: {}, mounts: [], ...extra };
}

async function run(
  argv: string[],
  extra: Partial<ContainerRunSpec> = {},
  signal: AbortSignal = new AbortController().signal,
): Promise<Captured> {
  const captured = { stdout: [] as string[], stderr: [] as string[], started: [] as string[] };
  const result = await executor.run(spec(argv, extra), {
    signal,
    onLog: (line, stream) => captured[stream].push(line),
    onStarted: (id) => captured.started.push(id),
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

/** A zombie counts as gone: it is dead, only not yet reaped by whoever adopted it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const status = readStatus(pid);
  return status === undefined || !/^State:\s+Z/m.test(status);
}

function readStatus(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  } catch {
    return undefined;
  }
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'skiff-process-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createProcessExecutor().run', () => {
  it('resolves with the exit code, zero or not, and reports the pid as the id', async () => {
    const ok = await run(['true']);
    expect(ok.exitCode).toBe(0);
    expect(ok.started).toEqual([ok.id]);
    expect(Number(ok.id)).toBeGreaterThan(0);
    expect((await run(['sh', '-c', 'exit 3'])).exitCode).toBe(3);
  });

  it('reports death by a signal as 128 + the signal number, as a shell does', async () => {
    expect((await run(['sh', '-c', 'kill -9 $$'])).exitCode).toBe(137);
  });

  it('passes the spec env over a minimal host env and nothing else of the host', async () => {
    process.env.SKIFF_TEST_LEAK = 'leaked';
    try {
      const out = await run(['sh', '-c', 'echo "$GREETING|${SKIFF_TEST_LEAK:-none}|$PATH"'], {
        env: { GREETING: 'hello world' },
      });
      expect(out.stdout).toEqual([`hello world|none|${process.env.PATH ?? ''}`]);
    } finally {
      delete process.env.SKIFF_TEST_LEAK;
    }
  });

  it('streams stdout and stderr lines separately, each in order', async () => {
    const out = await run(['sh', '-c', 'echo a; echo b >&2; echo c; echo d >&2; printf e']);
    expect(out.stdout).toEqual(['a', 'c', 'e']);
    expect(out.stderr).toEqual(['b', 'd']);
  });

  it('joins a line written in pieces and ends with the last unterminated one', async () => {
    const out = await run(['sh', '-c', "printf 'par'; sleep 0.2; printf 'tial\\nlast'"]);
    expect(out.stdout).toEqual(['partial', 'last']);
  });

  it('runs in workingDir, creating it like Docker does', async () => {
    const workingDir = path.join(dir, 'work', 'nested');
    const out = await run(['pwd'], { workingDir });
    expect(out.stdout).toEqual([workingDir]);
  });

  it('runs in a fresh temporary folder without workingDir and removes it after', async () => {
    const out = await run(['pwd']);
    const cwd = out.stdout[0] ?? '';
    expect(path.basename(cwd)).toMatch(/^skiff-task-/);
    await expect.poll(() => existsSync(cwd)).toBe(false);
  });

  it("gives the task its own TMPDIR, gone with it like a container's /tmp", async () => {
    const out = await run(['sh', '-c', 'mktemp -d'], { workingDir: path.join(dir, 'w') });
    const leftover = out.stdout[0] ?? '';
    expect(path.basename(path.dirname(leftover))).toMatch(/^skiff-task-/);
    await expect.poll(() => existsSync(leftover)).toBe(false);
  });

  it('resolves 127 with an explanation when the command does not exist', async () => {
    const out = await run(['skiff-no-such-command', '--flag']);
    expect(out.exitCode).toBe(127);
    expect(out.started).toEqual([]);
    expect(out.stderr.join('\n')).toContain('`skiff-no-such-command` was not found');
  });

  it('kills what the task left running once it exits, as a container would', async () => {
    const started = Date.now();
    const out = await run(['sh', '-c', 'sleep 30 & echo $!']);
    expect(Date.now() - started).toBeLessThan(2000);
    const child = Number(out.stdout[0]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(child)).toBe(false);
  });
});

describe('cancelling', () => {
  async function cancelAfterStart(argv: string[]): Promise<{ error: SkiffError; ms: number }> {
    const controller = new AbortController();
    // The task prints a line once its children exist; cancel then.
    const promise = executor.run(spec(argv), {
      signal: controller.signal,
      onLog: () => controller.abort(),
    });
    const started = Date.now();
    const error = await failure(promise);
    return { error, ms: Date.now() - started };
  }

  it("stops `sh -c 'sleep 30'` within 3 s with CANCELLED", async () => {
    const controller = new AbortController();
    const promise = executor.run(spec(['sh', '-c', 'sleep 30']), {
      signal: controller.signal,
      onLog: () => undefined,
      onStarted: () => setTimeout(() => controller.abort(), 100),
    });
    const started = Date.now();
    const error = await failure(promise);
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toContain('test-task');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('kills the children of the shell too', async () => {
    const marker = path.join(dir, 'child-pid');
    const argv = ['sh', '-c', `sleep 30 & echo $! > ${marker}; echo started; wait`];
    const { error, ms } = await cancelAfterStart(argv);
    expect(error.code).toBe('CANCELLED');
    expect(ms).toBeLessThan(3000);
    expect(alive(Number(await readFile(marker, 'utf8')))).toBe(false);
  });

  it('escalates to SIGKILL when the task ignores SIGTERM', async () => {
    const argv = ['sh', '-c', 'trap "" TERM; sleep 30 & echo started; wait'];
    const { error, ms } = await cancelAfterStart(argv);
    expect(error.code).toBe('CANCELLED');
    expect(ms).toBeGreaterThanOrEqual(1900);
    expect(ms).toBeLessThan(3500);
  });

  it('never starts a task whose signal is already aborted', async () => {
    const marker = path.join(dir, 'should-not-exist');
    const error = await failure(
      executor.run(spec(['touch', marker]), {
        signal: AbortSignal.abort(),
        onLog: () => undefined,
      }),
    );
    expect(error.code).toBe('CANCELLED');
    expect(existsSync(marker)).toBe(false);
  });
});

describe('mounts', () => {
  it('lets the task write into a folder mounted at its own path', async () => {
    const mount: Mount = { hostPath: dir, containerPath: dir };
    const out = await run(['sh', '-c', `echo 42 > ${dir}/answer`], { mounts: [mount] });
    expect(out.exitCode).toBe(0);
    expect(await readFile(path.join(dir, 'answer'), 'utf8')).toBe('42\n');
  });

  it('refuses a mount at another path, explaining that tasks run in place', async () => {
    const mount: Mount = { hostPath: dir, containerPath: '/data' };
    const error = await failure(run(['true'], { mounts: [mount] }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('runs tasks in place');
    expect(error.message).toContain('/data');
  });

  it('refuses a mount whose host folder does not exist', async () => {
    const missing = path.join(dir, 'missing');
    const error = await failure(
      run(['true'], { mounts: [{ hostPath: missing, containerPath: missing }] }),
    );
    expect(error.code).toBe('FAILED_PRECONDITION');
    expect(error.message).toContain(missing);
  });
});
