import { chmod, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkiffError } from '../core/errors.js';
import { createExecaExec, which } from './execa-exec.js';

const exec = createExecaExec();

describe('createExecaExec().run', () => {
  it('returns stdout and exit code 0 for a successful command', async () => {
    const result = await exec.run('echo', ['hello', 'world']);
    expect(result).toEqual({ exitCode: 0, stdout: 'hello world', stderr: '' });
  });

  it('resolves with the exit code instead of throwing when a command fails', async () => {
    const result = await exec.run('false', []);
    expect(result.exitCode).toBe(1);
  });

  it('resolves with 127 and a message when the binary does not exist', async () => {
    const result = await exec.run('skiff-no-such-binary-xyz', ['--version']);
    expect(result.exitCode).toBe(127);
    expect(result.stderr).toContain('skiff-no-such-binary-xyz');
    expect(result.stderr).toContain('not found');
  });

  it('streams stdout and stderr lines to onLine as they come', async () => {
    const lines: string[] = [];
    const result = await exec.run(
      'sh',
      ['-c', 'echo one; sleep 0.05; echo two >&2; sleep 0.05; echo three'],
      {
        onLine: (line) => lines.push(line),
      },
    );
    expect(result.exitCode).toBe(0);
    expect(lines).toEqual(['one', 'two', 'three']);
    expect(result.stdout).toBe('one\nthree');
    expect(result.stderr).toBe('two');
  });

  it('passes cwd and env through', async () => {
    const result = await exec.run('sh', ['-c', 'pwd; echo "$SKIFF_TEST_VALUE"'], {
      cwd: '/',
      env: { SKIFF_TEST_VALUE: 'forty-two' },
    });
    expect(result.stdout).toBe('/\nforty-two');
  });

  it('throws CANCELLED within a second when the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const error: unknown = await exec
      .run('sleep', ['5'], { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkiffError);
    expect((error as SkiffError).code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('throws CANCELLED without starting when the signal is already aborted', async () => {
    const error: unknown = await exec
      .run('echo', ['x'], { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((error as SkiffError).code).toBe('CANCELLED');
  });

  it('resolves with 124 when the timeout expires', async () => {
    const started = Date.now();
    const result = await exec.run('sleep', ['5'], { timeoutMs: 100 });
    expect(result.exitCode).toBe(124);
    expect(result.stderr).toContain('timed out after 100 ms');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('which', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'skiff-which-'));
    await writeFile(path.join(dir, 'tool'), '#!/bin/sh\n');
    await chmod(path.join(dir, 'tool'), 0o755);
    await writeFile(path.join(dir, 'not-executable'), '');
    await mkdir(path.join(dir, 'a-directory'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds an executable on PATH', async () => {
    expect(await which('tool', { PATH: `/nonexistent${path.delimiter}${dir}` })).toBe(
      path.join(dir, 'tool'),
    );
  });

  it('ignores files without the execute bit and directories', async () => {
    expect(await which('not-executable', { PATH: dir })).toBeUndefined();
    expect(await which('a-directory', { PATH: dir })).toBeUndefined();
  });

  it('checks a path with a slash directly', async () => {
    expect(await which(path.join(dir, 'tool'), { PATH: '' })).toBe(path.join(dir, 'tool'));
  });

  it('finds sh through the port on the real PATH', async () => {
    expect(await exec.which('sh')).toMatch(/\/sh$/);
    expect(await exec.which('skiff-no-such-binary-xyz')).toBeUndefined();
  });
});
