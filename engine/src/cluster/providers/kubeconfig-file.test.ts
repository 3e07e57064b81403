import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeKubeconfig, writeKubeconfigFile } from './kubeconfig-file.js';

const dir = (): string => mkdtempSync(path.join(tmpdir(), 'skiff-kubeconfig-'));
const config = (name: string, server: string, current = name): string =>
  `apiVersion: v1\nkind: Config\nclusters:\n- name: ${name}\n  cluster: {server: '${server}'}\ncontexts:\n- name: ${name}\n  context: {cluster: ${name}, user: ${name}}\nusers:\n- name: ${name}\n  user: {token: t}\ncurrent-context: ${current}\n`;

describe('kubeconfig files', () => {
  it('writes credentials with mode 0600, creating the folder', async () => {
    const file = path.join(dir(), 'clusters', 'dev', 'kubeconfig');
    await writeKubeconfigFile(file, config('kind-skiff-dev', 'https://127.0.0.1:1'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("merges into the user's config, replacing same-named entries, keeping their context and a backup", async () => {
    const root = dir();
    const from = path.join(root, 'skiff');
    const into = path.join(root, 'config');
    writeFileSync(from, config('kind-skiff-dev', 'https://127.0.0.1:2'));
    // The user's config already holds a stale entry of the same name.
    const users = 'users:\n- name: kind-skiff-dev\n  user: {token: old}';
    writeFileSync(into, config('work', 'https://work').replace('users:', users));

    const result = await mergeKubeconfig(from, into, new Date('2026-01-02T03:04:05Z'));
    const merged = parse(readFileSync(into, 'utf8')) as Record<string, { name: string }[] | string>;
    expect(merged['current-context']).toBe('work');
    expect((merged.clusters as { name: string }[]).map((c) => c.name)).toEqual([
      'work',
      'kind-skiff-dev',
    ]);
    expect(merged.users).toEqual([
      { name: 'work', user: { token: 't' } },
      { name: 'kind-skiff-dev', user: { token: 't' } },
    ]);
    expect(result).toEqual({
      backup: `${into}.skiff-backup-2026-01-02T03-04-05.000Z`,
      contexts: ['kind-skiff-dev'],
    });
    expect(readFileSync(result.backup ?? '', 'utf8')).toContain('token: old');
    expect(statSync(into).mode & 0o777).toBe(0o600);
  });

  it('creates the config when the user has none, taking its current context', async () => {
    const root = dir();
    writeFileSync(path.join(root, 'skiff'), config('k3d-skiff-dev', 'https://127.0.0.1:3'));
    const result = await mergeKubeconfig(path.join(root, 'skiff'), path.join(root, 'new'));
    expect(result.backup).toBeUndefined();
    expect(readFileSync(path.join(root, 'new'), 'utf8')).toContain(
      'current-context: k3d-skiff-dev',
    );
  });

  it('names the file when the source is missing', async () => {
    await expect(
      mergeKubeconfig('/nonexistent/kubeconfig', path.join(dir(), 'c')),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('/nonexistent/kubeconfig') as string,
    });
  });
});
