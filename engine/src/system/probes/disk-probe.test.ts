import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskFromStatfs, probeDisk, selfAndAncestors } from './disk-probe.js';

describe('diskFromStatfs', () => {
  it('counts the blocks available to unprivileged users', () => {
    expect(diskFromStatfs('/home/me/.skiff', { bsize: 4096, blocks: 1000, bavail: 250 })).toEqual({
      path: '/home/me/.skiff',
      totalBytes: 4_096_000,
      freeBytes: 1_024_000,
    });
  });
});

describe('selfAndAncestors', () => {
  it('walks up to the root', () => {
    expect(selfAndAncestors('/a/b/c')).toEqual(['/a/b/c', '/a/b', '/a', '/']);
  });
});

describe('probeDisk', () => {
  it('measures the nearest existing parent of a home that does not exist yet', async () => {
    const home = path.join(tmpdir(), 'skiff-not-created-yet', 'deeper');
    const disk = await probeDisk(home);
    expect(disk.path).toBe(home);
    expect(disk.totalBytes).toBeGreaterThan(0);
    expect(disk.freeBytes).toBeGreaterThan(0);
    expect(disk.freeBytes).toBeLessThanOrEqual(disk.totalBytes);
  });
});
