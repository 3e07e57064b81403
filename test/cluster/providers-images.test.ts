import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClusterProvider, ProviderContext } from '../../engine/src/cluster/cluster-types.js';
import { saveImageArchive } from '../../engine/src/cluster/images/image-archive.js';
import { listImages, preloadImages } from '../../engine/src/cluster/images/image-preload.js';
import { hasDocker } from '../support/requirements.js';

const BUSYBOX = 'local/busybox:1';
const ABSENT = 'local/never-built:0';
const home = mkdtempSync(path.join(tmpdir(), 'skiff-images-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const ctx = (logs: string[]): ProviderContext => ({
  signal: new AbortController().signal,
  onLog: (line) => logs.push(line),
});

describe.skipIf(!hasDocker())(
  'image preload from local Docker (needs Docker and local/busybox:1)',
  () => {
    it('lists which images local Docker has', async () => {
      expect(await listImages([BUSYBOX, ABSENT])).toEqual([
        { image: BUSYBOX, present: true },
        { image: ABSENT, present: false },
      ]);
    });

    it('saves to an archive under $SKIFF_HOME/images with byte progress, then loads it into the cluster', async () => {
      const loaded: unknown[] = [];
      const provider = {
        loadImages: (name: string, source: unknown) => {
          loaded.push({ name, source });
          return Promise.resolve();
        },
      } as unknown as ClusterProvider;
      const progress: number[] = [];
      const logs: string[] = [];
      await preloadImages(provider, 'dev', [BUSYBOX], ctx(logs), {
        home,
        profile: 'lite',
        onProgress: (written) => progress.push(written),
      });
      const archive = path.join(home, 'images', 'skiff-lite-images.tar');
      expect(statSync(archive).size).toBeGreaterThan(1_000_000);
      expect(progress.at(-1)).toBe(statSync(archive).size);
      expect(logs.some((line) => /Saved .* of about .* \(\d+%\)/.test(line))).toBe(true);
      expect(loaded).toEqual([{ name: 'dev', source: { archive } }]);
    });

    it('names every missing image and how to get it, before saving anything', async () => {
      const archive = path.join(home, 'missing.tar');
      await expect(saveImageArchive([BUSYBOX, ABSENT], archive, ctx([]))).rejects.toMatchObject({
        code: 'FAILED_PRECONDITION',
        message: expect.stringMatching(
          /local\/never-built:0[\s\S]*docker pull local\/never-built:0/,
        ) as string,
      });
      expect(() => statSync(archive)).toThrow();
    });
  },
);
