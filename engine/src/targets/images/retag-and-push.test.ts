import { describe, expect, it } from 'vitest';
import type { PipelinePackage } from '../../pipelines/ir/pipeline-spec.js';
import type { ImageStore } from './image-store.js';
import { registryName, retagAndPush } from './retag-and-push.js';
import { rewriteImages } from './rewrite-images.js';

/** A fake Docker: records tags and pushes; a push fails with `pushFails` when set. */
function fakeImageStore(present: string[], pushFails?: string) {
  const calls: string[] = [];
  const store: ImageStore = {
    inspect: (image) => Promise.resolve({ present: present.includes(image), repoDigests: [] }),
    tag: (source, repository, tag) => {
      calls.push(`tag ${source} ${repository}:${tag}`);
      return Promise.resolve();
    },
    push: (repository, tag) => {
      calls.push(`push ${repository}:${tag}`);
      return pushFails === undefined ? Promise.resolve() : Promise.reject(new Error(pushFails));
    },
  };
  return { store, calls };
}

describe('retagAndPush', () => {
  it('drops local/, keeps the tag, and defaults a missing tag to latest', () => {
    expect(registryName('local/python-ml:bookworm', 'reg:5000/team')).toEqual({
      repository: 'reg:5000/team/python-ml',
      tag: 'bookworm',
    });
    expect(registryName('mytool', 'reg:5000')).toEqual({
      repository: 'reg:5000/mytool',
      tag: 'latest',
    });
  });

  it('tags then pushes each image and returns old → new', async () => {
    const { store, calls } = fakeImageStore(['local/busybox:1']);
    const pushed = await retagAndPush({ store, registry: 'reg:5000', images: ['local/busybox:1'] });
    expect(pushed).toEqual([{ from: 'local/busybox:1', to: 'reg:5000/busybox:1' }]);
    expect(calls).toEqual(['tag local/busybox:1 reg:5000/busybox:1', 'push reg:5000/busybox:1']);
  });

  it('refuses a registry given with a scheme, naming the field and the fix', async () => {
    const { store } = fakeImageStore([]);
    await expect(
      retagAndPush({ store, registry: 'http://reg:5000', images: [] }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'registry' } });
  });

  it('turns a refused push into an authentication error naming the registry', async () => {
    const { store } = fakeImageStore(['local/busybox:1'], 'unauthorized: authentication required');
    const error: unknown = await retagAndPush({
      store,
      registry: 'reg:5000',
      images: ['local/busybox:1'],
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(String(error)).toContain('Registry reg:5000 refused pushing `local/busybox:1`');
  });

  it('says an image missing from Docker must be built first', async () => {
    const { store } = fakeImageStore([]);
    await expect(
      retagAndPush({ store, registry: 'reg:5000', images: ['local/busybox:1'] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('rewriteImages', () => {
  it('replaces pushed images in a copy and leaves the original alone', () => {
    const pkg = {
      pipelineSpec: {
        deploymentSpec: {
          executors: {
            a: { container: { image: 'local/busybox:1' } },
            b: { container: { image: 'python:3.11' } },
          },
        },
      },
    } as unknown as PipelinePackage;
    const copy = rewriteImages(pkg, [{ from: 'local/busybox:1', to: 'reg:5000/busybox:1' }]);
    expect(JSON.stringify(copy)).toContain('"reg:5000/busybox:1"');
    expect(JSON.stringify(copy)).toContain('"python:3.11"');
    expect(JSON.stringify(pkg)).toContain('"local/busybox:1"');
  });
});
