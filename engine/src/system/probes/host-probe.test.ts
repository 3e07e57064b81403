import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exec } from '../../core/ports.js';
import { checkHomeAccess, findChromium, readInotifyLimits } from './host-probe.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'skiff-host-probe-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('findChromium', () => {
  it('takes the first browser name found on PATH', async () => {
    const exec: Exec = {
      which: (file) =>
        Promise.resolve(file === 'google-chrome-stable' ? '/opt/google/chrome-stable' : undefined),
      run: () => Promise.reject(new Error('not used')),
    };
    expect(await findChromium(exec)).toBe('/opt/google/chrome-stable');
  });
});

describe('readInotifyLimits', () => {
  it('reads both limits on Linux', async () => {
    await writeFile(path.join(dir, 'max_user_watches'), '192536\n');
    await writeFile(path.join(dir, 'max_user_instances'), '128\n');
    expect(await readInotifyLimits('linux', dir)).toEqual({
      maxUserWatches: 192536,
      maxUserInstances: 128,
    });
  });

  it('leaves out what it cannot read', async () => {
    expect(await readInotifyLimits('linux', path.join(dir, 'missing'))).toEqual({});
  });

  it('does not apply elsewhere', async () => {
    expect(await readInotifyLimits('darwin', dir)).toBeUndefined();
  });
});

describe('checkHomeAccess', () => {
  it('accepts a home that does not exist under a writable parent', async () => {
    expect(await checkHomeAccess(path.join(dir, 'new-home'))).toEqual({
      path: path.join(dir, 'new-home'),
      exists: false,
      writable: true,
    });
  });

  it('accepts an existing writable home', async () => {
    expect(await checkHomeAccess(dir)).toMatchObject({ exists: true, writable: true });
  });
});
