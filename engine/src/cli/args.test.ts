import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SkiffError } from '../core/errors.js';
import { expectPositionals, parsePortOption, usageError, wantsHelp, withUsage } from './args.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof SkiffError ? error.code : 'not a SkiffError';
  }
}

describe('withUsage', () => {
  const parse = (args: string[]) =>
    withUsage('serve', () =>
      parseArgs({
        args,
        options: { port: { type: 'string' } },
        allowPositionals: true,
        strict: true,
      }),
    );

  it('returns what parseArgs returns', () => {
    expect(parse(['--port', '0']).values.port).toBe('0');
    expect(parse(['--port=8740']).values.port).toBe('8740');
  });

  it('turns an unknown option into INVALID_ARGUMENT that points at the help', () => {
    try {
      parse(['--prot', '1']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SkiffError);
      expect((error as SkiffError).code).toBe('INVALID_ARGUMENT');
      expect((error as SkiffError).message).toContain("'--prot'");
      expect((error as SkiffError).message).toContain('See `skiff serve --help`.');
      expect((error as SkiffError).message).not.toContain('To specify');
    }
  });

  it('reports a missing option value as a usage error', () => {
    expect(codeOf(() => parse(['--port']))).toBe('INVALID_ARGUMENT');
  });
});

describe('parsePortOption', () => {
  it('accepts 0 to 65535 and leaves an absent port undefined', () => {
    expect(parsePortOption(undefined)).toBeUndefined();
    expect(parsePortOption('0')).toBe(0);
    expect(parsePortOption('65535')).toBe(65535);
  });

  it('rejects anything else with a message naming the flag', () => {
    for (const bad of ['', 'abc', '-1', '65536', '80.5']) {
      expect(
        codeOf(() => parsePortOption(bad)),
        bad,
      ).toBe('INVALID_ARGUMENT');
    }
    expect(() => parsePortOption('x')).toThrow('--port: "x" is not a port');
  });
});

describe('expectPositionals', () => {
  it('requires the minimum and refuses extras', () => {
    expect(() => expectPositionals('settings', [], 1, 1, 'KEY')).toThrow(
      'Missing KEY. See `skiff settings --help`.',
    );
    expect(() => expectPositionals('status', ['extra'], 0, 0, '')).toThrow(
      'Unexpected argument "extra"',
    );
    expect(() => expectPositionals('settings', ['a'], 1, 1, 'KEY')).not.toThrow();
  });
});

describe('usage helpers', () => {
  it('points at the top-level help when there is no command', () => {
    expect(usageError('', 'Unknown command "frob"').message).toBe(
      'Unknown command "frob". See `skiff --help`.',
    );
  });

  it('recognises -h and --help anywhere', () => {
    expect(wantsHelp(['get', '--help'])).toBe(true);
    expect(wantsHelp(['-h'])).toBe(true);
    expect(wantsHelp(['get'])).toBe(false);
  });
});
