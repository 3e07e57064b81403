import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readComponentObjects } from './component-objects.js';

let bundle: string;

beforeEach(async () => {
  bundle = await mkdtemp(join(tmpdir(), 'skiff-bundle-'));
  await mkdir(join(bundle, 'db'));
});
afterEach(async () => {
  await rm(bundle, { recursive: true, force: true });
});

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(bundle, name), text);
}

const kustomization = (resources: string[], extra = ''): string =>
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${extra}resources:\n${resources
    .map((r) => `  - ${r}\n`)
    .join('')}`;

describe('readComponentObjects', () => {
  it("returns objects in the kustomization's order, every document of each file", async () => {
    await write({
      'db/kustomization.yaml': kustomization(['service.yaml', 'secret.yaml']),
      'db/secret.yaml': '# why\n---\napiVersion: v1\nkind: Secret\nmetadata: { name: s }\n',
      'db/service.yaml':
        'apiVersion: v1\nkind: Service\nmetadata: { name: a }\n---\n' +
        'apiVersion: v1\nkind: Service\nmetadata: { name: b }\n',
    });
    const objects = await readComponentObjects(bundle, { path: 'db' });
    expect(objects.map((o) => `${o.file} ${o.object.metadata.name}`)).toEqual([
      'db/service.yaml a',
      'db/service.yaml b',
      'db/secret.yaml s',
    ]);
  });

  it('refuses resources outside the folder or fetched from the network', async () => {
    await write({ 'db/kustomization.yaml': kustomization(['../other/x.yaml']) });
    await expect(readComponentObjects(bundle, { path: 'db' })).rejects.toThrow(
      'db/kustomization.yaml: resources[0] must be a YAML file inside db/',
    );
    await write({ 'db/kustomization.yaml': kustomization(['https://example.com/x.yaml']) });
    await expect(readComponentObjects(bundle, { path: 'db' })).rejects.toThrow(/resources\[0\]/);
  });

  it('refuses kustomize transforms the installer would not apply', async () => {
    await write({ 'db/kustomization.yaml': kustomization(['a.yaml'], 'namePrefix: x-\n') });
    await expect(readComponentObjects(bundle, { path: 'db' })).rejects.toThrow(
      /uses "namePrefix", which Skiff's installer does not apply/,
    );
  });

  it('names the file and document that is not a Kubernetes object', async () => {
    await write({
      'db/kustomization.yaml': kustomization(['a.yaml']),
      'db/a.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\n---\nkind: Service\n',
    });
    await expect(readComponentObjects(bundle, { path: 'db' })).rejects.toThrow(
      'db/a.yaml: document 2 needs apiVersion, kind and metadata.name',
    );
  });
});
