import { describe, expect, it } from 'vitest';
import type { Exec, ExecOptions } from '../../core/ports.js';
import { parseK3dVersion, parseKindVersion, parseKubectlVersion, probeTool } from './tool-probe.js';

function fakeExec(
  paths: Record<string, string>,
  stdout: string,
  exitCode = 0,
): Exec & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    which: (file) => Promise.resolve(paths[file]),
    run: (file: string, args: readonly string[], options?: ExecOptions) => {
      calls.push({ file, args, timeoutMs: options?.timeoutMs });
      return Promise.resolve({ exitCode, stdout, stderr: '' });
    },
  };
}

describe('version parsers', () => {
  it('reads kind version', () => {
    expect(parseKindVersion('kind v0.27.0 go1.23.6 linux/amd64\n')).toBe('v0.27.0');
    expect(parseKindVersion('kind v0.20.0-alpha+abc go1.20 linux/arm64')).toBe('v0.20.0-alpha+abc');
    expect(parseKindVersion('garbage')).toBeUndefined();
  });

  it('reads the k3d version, not the k3s one', () => {
    expect(parseK3dVersion('k3d version v5.8.3\nk3s version v1.31.5-k3s1 (default)\n')).toBe(
      'v5.8.3',
    );
  });

  it('reads kubectl clientVersion.gitVersion from JSON', () => {
    const json = JSON.stringify({
      clientVersion: { major: '1', minor: '31', gitVersion: 'v1.31.4', platform: 'linux/amd64' },
      kustomizeVersion: 'v5.4.2',
    });
    expect(parseKubectlVersion(json)).toBe('v1.31.4');
    expect(parseKubectlVersion('{}')).toBeUndefined();
  });

  it('falls back to the text form of old kubectl', () => {
    expect(parseKubectlVersion('Client Version: v1.28.2\nKustomize Version: v5.0.4')).toBe(
      'v1.28.2',
    );
  });
});

describe('probeTool', () => {
  it('reports a missing tool without running anything', async () => {
    const exec = fakeExec({}, '');
    expect(await probeTool(exec, 'kind')).toEqual({ found: false });
    expect(exec.calls).toEqual([]);
  });

  it('runs the version command with a 3 s timeout', async () => {
    const exec = fakeExec({ kind: '/usr/local/bin/kind' }, 'kind v0.27.0 go1.23.6 linux/amd64');
    expect(await probeTool(exec, 'kind')).toEqual({
      found: true,
      path: '/usr/local/bin/kind',
      version: 'v0.27.0',
    });
    expect(exec.calls).toEqual([
      { file: '/usr/local/bin/kind', args: ['version'], timeoutMs: 3000 },
    ]);
  });

  it('keeps a found tool without a version when the command fails', async () => {
    const exec = fakeExec({ kubectl: '/usr/bin/kubectl' }, '', 124);
    expect(await probeTool(exec, 'kubectl')).toEqual({ found: true, path: '/usr/bin/kubectl' });
  });
});
