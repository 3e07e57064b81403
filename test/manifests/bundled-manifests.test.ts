import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type {
  PlatformComponent,
  PlatformManifest,
} from '../../engine/src/cluster/cluster-types.js';
import {
  formatGiB,
  images,
  isPinnedImage,
  objectRef,
  profileFigures,
  workloadContainers,
  type KubeObject,
} from '../../engine/src/cluster/platform/index.js';
import {
  bundleDir,
  installedBefore,
  kustomizationFolders,
  loadBundle,
  yamlFiles,
  type BundleObject,
} from './bundle.js';
import { isBuiltInKind, schemaErrors } from './kube-schemas.js';

/**
 * The acceptance checks of the bundled platform that need no cluster: whatever
 * components platform.yaml lists, their files parse, validate, define their custom
 * resources, are sized and pinned, and platform.yaml names exactly the images they pull.
 */

const LITE_MEMORY_BUDGET = 6 * 2 ** 30;

/** The parts of a CRD's spec that say which resources it defines. */
interface CrdSpec {
  group?: string;
  names?: { kind?: string };
  versions?: { name: string; served: boolean }[];
}

let platform: PlatformManifest;
let objects: BundleObject[] = [];

beforeAll(async () => {
  ({ platform, objects } = await loadBundle());
});

function objectsOf(component: PlatformComponent): KubeObject[] {
  return objects.filter((o) => o.component === component).map((o) => o.object);
}

describe('bundled platform', () => {
  it('parses every YAML file in the bundle', async () => {
    const broken: string[] = [];
    for (const file of await yamlFiles()) {
      const docs = parseAllDocuments(await readFile(join(bundleDir, file), 'utf8'));
      for (const doc of docs) for (const e of doc.errors) broken.push(`${file}: ${e.message}`);
    }
    expect(broken).toEqual([]);
  });

  it('finds a kustomization folder for every component platform.yaml lists', async () => {
    const folders = await kustomizationFolders();
    const missing = platform.components.filter((c) => !folders.includes(c.path));
    expect(missing.map((c) => c.path)).toEqual([]);
  });

  it('validates every built-in object against the Kubernetes OpenAPI schemas', async () => {
    const invalid: string[] = [];
    for (const { file, object } of objects) {
      if (!(await isBuiltInKind(object.apiVersion, object.kind))) continue;
      const errors = await schemaErrors(object);
      if (errors) invalid.push(`${file}: ${objectRef(object)}: ${errors}`);
    }
    expect(invalid).toEqual([]);
  });

  it('defines every custom resource with a CRD installed before it', async () => {
    const crds = objects.filter((o) => o.object.kind === 'CustomResourceDefinition');
    const missing: string[] = [];
    for (const entry of objects) {
      const { file, object } = entry;
      if (await isBuiltInKind(object.apiVersion, object.kind)) continue;
      const [group, version] = object.apiVersion.split('/');
      const crd = crds.find(({ object: d }) => {
        const spec = d['spec'] as CrdSpec | undefined;
        if (!spec) return false;
        return (
          spec.group === group &&
          spec.names?.kind === object.kind &&
          (spec.versions ?? []).some((v) => v.name === version && v.served)
        );
      });
      if (!crd) missing.push(`${file}: ${objectRef(object)} has no CRD in the bundle`);
      else if (!installedBefore(platform, entry).has(crd.folder)) {
        missing.push(
          `${file}: ${objectRef(object)}'s CRD is in ${crd.folder}/, not installed before it`,
        );
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every container cpu and memory requests and limits, and a pinned image', () => {
    const problems: string[] = [];
    for (const { file, object } of objects) {
      for (const c of workloadContainers(object)) {
        const where = `${file}: ${objectRef(object)} container ${c.name}`;
        for (const r of ['cpu', 'memory']) {
          if (!c.requests[r]) problems.push(`${where} has no ${r} request`);
          if (!c.limits[r]) problems.push(`${where} has no ${r} limit`);
        }
        if (!isPinnedImage(c.image)) problems.push(`${where} runs unpinned image "${c.image}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("lists in platform.yaml exactly the images each component's manifests name", () => {
    for (const component of platform.components) {
      const found = new Set(objectsOf(component).flatMap((o) => images(o)));
      expect([...found].sort(), `images of ${component.name}`).toEqual(
        [...component.images].sort(),
      );
      const unpinned = component.images.filter((ref) => !isPinnedImage(ref));
      expect(unpinned, `unpinned images of ${component.name}`).toEqual([]);
    }
  });

  it('waits for every workload and CRD, and checks only objects the component has', () => {
    const waited = ['CustomResourceDefinition', 'Deployment', 'StatefulSet', 'DaemonSet'];
    for (const component of platform.components) {
      const key = (kind: string, namespace: string | undefined, name: string): string =>
        `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
      const waitable = objectsOf(component)
        .filter((o) => waited.includes(o.kind))
        .map((o) => key(o.kind, o.metadata.namespace, o.metadata.name));
      const checks = component.readiness.map((r) =>
        key(r.kind, 'namespace' in r ? r.namespace : undefined, r.name),
      );
      expect(checks.sort(), `readiness of ${component.name}`).toEqual(waitable.sort());
    }
  });

  it('points every endpoint at a port of a Service the component installs', () => {
    for (const component of platform.components) {
      for (const e of component.endpoints ?? []) {
        const service = objectsOf(component).find(
          (o) => o.kind === 'Service' && o.metadata.name === e.service,
        );
        const ports = (service?.['spec'] as { ports?: { port: number }[] } | undefined)?.ports;
        expect(
          ports?.map((p) => p.port),
          `${component.name}/${e.name}`,
        ).toContain(e.port);
        expect(service?.metadata.namespace).toBe(e.namespace);
      }
    }
  });

  it('creates each namespace before the objects that live in it', () => {
    const systemNamespaces = new Set(['default', 'kube-system', 'kube-public']);
    const problems: string[] = [];
    const namespaces = objects.filter((o) => o.object.kind === 'Namespace');
    for (const entry of objects) {
      const { file, object } = entry;
      const ns = object.metadata.namespace;
      if (!ns || systemNamespaces.has(ns)) continue;
      const creator = namespaces.find((n) => n.object.metadata.name === ns);
      if (!creator || !installedBefore(platform, entry).has(creator.folder)) {
        problems.push(`${file}: ${objectRef(object)} is in ${ns}, not created before it`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('fits the lite profile in 6 GiB of memory requests', async () => {
    const lite = await profileFigures(bundleDir, platform, 'lite');
    console.log(
      `lite profile: ${lite.components} components, ${formatGiB(lite.memoryRequests)} memory ` +
        `requests, ${lite.cpuRequests.toFixed(2)} CPU, ${lite.images.length} images`,
    );
    expect(lite.memoryRequests).toBeLessThanOrEqual(LITE_MEMORY_BUDGET);
  });

  it("records the lite profile's current figures in the README", async () => {
    const lite = await profileFigures(bundleDir, platform, 'lite');
    const readme = await readFile(join(bundleDir, 'README.md'), 'utf8');
    const row = readme.split('\n').find((line) => line.startsWith('| lite '));
    const cells = row?.split('|').map((cell) => cell.trim());
    // Refresh with `node scripts/platform-figures.mjs` after changing a component.
    expect(cells?.slice(2, 5)).toEqual([
      formatGiB(lite.memoryRequests),
      `${lite.cpuRequests.toFixed(2)} cores`,
      String(lite.images.length),
    ]);
  });
});
