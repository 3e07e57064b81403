import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listArtifactDirectory } from './artifact-listing.js';
import { checkRelativePath, localPathOf, resolveArtifactFile } from './artifact-location.js';

let home: string;
let roots: { home: string; artifacts: string };
let dataset: string;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'skiff-artifact-location-'));
  roots = { home, artifacts: join(home, 'artifacts') };
  dataset = join(roots.artifacts, 'run-1', 'split', 'dataset');
  mkdirSync(join(dataset, 'parts'), { recursive: true });
  writeFileSync(join(dataset, 'train.csv'), 'a,b\n1,2\n');
  writeFileSync(join(dataset, 'parts', 'p0.txt'), 'zero');
  writeFileSync(join(home, 'token'), 'secret');
  symlinkSync(join(home, 'token'), join(dataset, 'leak'));
  symlinkSync(join(dataset, 'train.csv'), join(dataset, 'alias.csv'));
});

afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('checkRelativePath', () => {
  it('accepts paths inside the artifact and normalises separators', () => {
    expect(checkRelativePath('parts/p0.txt')).toBe('parts/p0.txt');
    expect(checkRelativePath('./parts//p0.txt')).toBe('parts/p0.txt');
  });

  it.each([
    '../token',
    'parts/../../x',
    '..\\token',
    '/etc/passwd',
    '\\\\server\\x',
    'C:\\x',
    'a\0b',
  ])('refuses %j naming the path parameter', (path) => {
    expect(() => checkRelativePath(path)).toThrow(/^path: /);
  });
});

describe('localPathOf', () => {
  it('knows local paths from remote stores', () => {
    expect(localPathOf('/tmp/a')).toBe('/tmp/a');
    expect(localPathOf('file:///tmp/a')).toBe('/tmp/a');
    expect(localPathOf('gs://bucket/a')).toBeUndefined();
    expect(localPathOf('s3://bucket/a')).toBeUndefined();
    expect(localPathOf('https://example.com/a')).toBeUndefined();
  });
});

describe('resolveArtifactFile', () => {
  it('finds a file inside a directory artifact, through a symlink that stays inside', async () => {
    const file = await resolveArtifactFile('a1', dataset, 'alias.csv', roots);
    expect(file.path.endsWith('train.csv')).toBe(true);
    expect(file.stats.size).toBe(8);
  });

  it('refuses a symlink that leaves the artifact with INVALID_ARGUMENT on path', async () => {
    await expect(resolveArtifactFile('a1', dataset, 'leak', roots)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'path' },
    });
  });

  it('refuses an artifact URI that points elsewhere in $SKIFF_HOME', async () => {
    await expect(
      resolveArtifactFile('a2', join(home, 'token'), undefined, roots),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(
      resolveArtifactFile('a3', join(dataset, 'leak'), undefined, roots),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  it('says a remote artifact is not stored locally', async () => {
    const error: unknown = await resolveArtifactFile('a4', 'gs://b/model', undefined, roots).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect(String(error)).toMatch(/not on this machine/);
  });

  it('answers NOT_FOUND for a missing file and a path into a single-file artifact', async () => {
    await expect(resolveArtifactFile('a5', dataset, 'nope.csv', roots)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      resolveArtifactFile('a6', join(dataset, 'train.csv'), 'x', roots),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'path' } });
  });
});

describe('listArtifactDirectory', () => {
  it('lists files recursively with sizes, leaving symlinks out', async () => {
    expect(await listArtifactDirectory(dataset)).toEqual({
      entries: [
        { path: 'parts/p0.txt', sizeBytes: 4 },
        { path: 'train.csv', sizeBytes: 8 },
      ],
    });
  });

  it('caps a long listing and says so', async () => {
    const listing = await listArtifactDirectory(dataset, dataset, 1);
    expect(listing).toEqual({ entries: [{ path: 'parts/p0.txt', sizeBytes: 4 }], truncated: true });
  });

  it('lists a sub-folder with paths relative to the artifact', async () => {
    expect(await listArtifactDirectory(dataset, join(dataset, 'parts'))).toEqual({
      entries: [{ path: 'parts/p0.txt', sizeBytes: 4 }],
    });
  });
});
