import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SKIFF_VERSION } from '../core/version.js';
import type { CliContext } from './cli-context.js';
import { COMMANDS, runCli } from './main.js';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'skiff-cli-main-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

function context(
  env: NodeJS.ProcessEnv = {},
): CliContext & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env: { SKIFF_HOME: home, ...env },
    onInterrupt: () => () => undefined,
    out: () => out,
    err: () => err,
  };
}

describe('runCli', () => {
  it('prints the version', async () => {
    const ctx = context();
    expect(await runCli(['--version'], ctx)).toBe(0);
    expect(ctx.out()).toBe(`${SKIFF_VERSION}\n`);
  });

  it('lists every command in the help', async () => {
    const ctx = context();
    expect(await runCli(['--help'], ctx)).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(ctx.out()).toContain(`  ${name}`);
  });

  it('prints usage on stderr and exits 2 without a command', async () => {
    const ctx = context();
    expect(await runCli([], ctx)).toBe(2);
    expect(ctx.err()).toContain('Usage: skiff <command>');
  });

  it('has --help for every command', async () => {
    for (const name of Object.keys(COMMANDS)) {
      const ctx = context();
      expect(await runCli([name, '--help'], ctx), name).toBe(0);
      expect(ctx.out(), name).toContain(`Usage: skiff ${name}`);
      expect(ctx.out(), name).toContain('Example');
    }
  });

  it('answers `help <command>` like `<command> --help`', async () => {
    const ctx = context();
    expect(await runCli(['help', 'doctor'], ctx)).toBe(0);
    expect(ctx.out()).toContain('Usage: skiff doctor');
  });

  it('rejects an unknown command with exit 2 and one line', async () => {
    const ctx = context();
    expect(await runCli(['frobnicate'], ctx)).toBe(2);
    expect(ctx.err()).toBe('skiff: Unknown command "frobnicate". See `skiff --help`.\n');
  });

  it('rejects a bad option with exit 2', async () => {
    const ctx = context();
    expect(await runCli(['serve', '--port', 'abc'], ctx)).toBe(2);
    expect(ctx.err()).toContain('--port: "abc" is not a port');
  });

  it('exits 6 with how to start Skiff when no engine runs', async () => {
    const ctx = context();
    expect(await runCli(['status'], ctx)).toBe(6);
    expect(ctx.err()).toBe(
      'skiff: Skiff is not running: start it with `skiff serve` or `npm start`.\n',
    );
  });

  it('prints errors as JSON on stdout with --json', async () => {
    const ctx = context();
    expect(await runCli(['settings', 'get', '--json'], ctx)).toBe(6);
    expect(JSON.parse(ctx.out())).toEqual({
      error: {
        code: 'UNAVAILABLE',
        message: 'Skiff is not running: start it with `skiff serve` or `npm start`.',
        details: { home },
      },
    });
    expect(ctx.err()).toBe('');
  });

  it('validates settings keys before looking for an engine', async () => {
    const ctx = context();
    expect(await runCli(['settings', 'set', 'a..b', '1'], ctx)).toBe(2);
    expect(await runCli(['settings', 'set', 'only-key'], ctx)).toBe(2);
    expect(await runCli(['settings', 'frob'], ctx)).toBe(2);
    expect(await runCli(['operations', 'watch'], ctx)).toBe(2);
  });

  it('adds the stack only with SKIFF_DEBUG=1', async () => {
    const ctx = context({ SKIFF_DEBUG: '1' });
    await runCli(['status'], ctx);
    expect(ctx.err()).toContain('SkiffError');
    expect(ctx.err()).toContain('    at ');
  });
});
