import { mkdtempSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureHome, readOrCreateToken, resolveHomePath } from './skiff-home.js';

describe('skiff home', () => {
  it('creates the layout with a private root folder', () => {
    const home = ensureHome(join(mkdtempSync(join(tmpdir(), 'skiff-home-')), 'h'));
    expect(statSync(home.root).mode & 0o777).toBe(0o700);
    for (const dir of [home.artifacts, home.models, home.logs])
      expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('creates the token once with mode 0600 and reuses it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'skiff-token-')), 'token');
    const token = readOrCreateToken(file, () => 'a'.repeat(64));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateToken(file, () => 'b'.repeat(64))).toBe(token);
  });

  it('tightens a token file that others can read back to 0600', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'skiff-token-')), 'token');
    writeFileSync(file, 'c'.repeat(64));
    chmodSync(file, 0o644);
    readOrCreateToken(file, () => 'unused');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('takes the flag over SKIFF_HOME over ~/.skiff', () => {
    expect(resolveHomePath('/x', { SKIFF_HOME: '/y' })).toBe('/x');
    expect(resolveHomePath(undefined, { SKIFF_HOME: '/y' })).toBe('/y');
    expect(resolveHomePath(undefined, {})).toMatch(/\.skiff$/);
  });
});

describe('ensureHome errors', () => {
  it('explains a data folder that cannot be created', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'skiff-home-')), 'a-file');
    writeFileSync(file, '');
    expect(() => ensureHome(file)).toThrow(/Cannot use .* as Skiff's data folder.*SKIFF_HOME/);
  });
});
