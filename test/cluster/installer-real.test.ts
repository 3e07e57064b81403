import {
  ApiException,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientNodeKube } from '../../engine/src/cluster/client-node-kube.js';
import type { KubeApiHarness, KubeApiHarnessFactory } from '../support/kube-api-harness.js';
import {
  KUBE_VERSION,
  realKubeApiMissing,
  startRealKubeApi,
} from '../support/real-kube-apiserver.js';
import { installerSuite } from './installer-suite.js';

/**
 * The same Kubernetes calls the fake API server answers, against Kubernetes' own code: CRD
 * establishment, structural-schema validation, server-side apply ownership; then the
 * installer suite.
 * Needs scripts/build-kube-apiserver; CI sets SKIFF_REQUIRE_KUBE_APISERVER=1 so a missing
 * build fails instead of skipping.
 */
const missing = realKubeApiMissing();
if (missing && process.env.SKIFF_REQUIRE_KUBE_APISERVER === '1') {
  throw new Error(`${missing} (SKIFF_REQUIRE_KUBE_APISERVER=1 demands it)`);
}
if (missing) console.warn(`[skip] real kube-apiserver tests skipped: ${missing}.`);

/** Plain manifests; client-node's types want class instances for metadata. */
interface Obj extends Record<string, unknown> {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [field: string]: unknown };
}

const crd: Obj = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'boats.skiff.test' },
  spec: {
    group: 'skiff.test',
    scope: 'Namespaced',
    names: { plural: 'boats', singular: 'boat', kind: 'Boat' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['length'],
                properties: { length: { type: 'integer', minimum: 1 }, name: { type: 'string' } },
              },
            },
          },
        },
      },
    ],
  },
};

const boat = (spec: Record<string, unknown>): Obj => ({
  apiVersion: 'skiff.test/v1',
  kind: 'Boat',
  metadata: { name: 'dinghy', namespace: 'default' },
  spec,
});

describe.skipIf(missing !== undefined)(`a real kube-apiserver ${KUBE_VERSION}`, () => {
  let harness: KubeApiHarness | undefined;
  let api: KubernetesObjectApi;
  let core: CoreV1Api;
  const kube = (): KubeApiHarness => {
    if (!harness) throw new Error('the real API server did not start');
    return harness;
  };
  const apply = async (obj: Obj, manager = 'skiff', force = true): Promise<unknown> =>
    api.patch(obj, undefined, undefined, manager, force, PatchStrategy.ServerSideApply);
  const read = async <T>(obj: Obj): Promise<T> => (await api.read(obj)) as T;
  /** The HTTP status a call ends with: 200 or the API's error code. */
  const status = async (call: Promise<unknown>): Promise<number> =>
    call.then(
      () => 200,
      (e: unknown) => {
        if (e instanceof ApiException) return e.code;
        throw e;
      },
    );

  beforeAll(async () => {
    // "web" starts failing, so markReady has something to change.
    const started = await startRealKubeApi({
      neverReady: [{ kind: 'Deployment', namespace: 'default', name: 'web' }],
    });
    if (!started) throw new Error('binaries vanished after the check');
    harness = started;
    const config = new KubeConfig();
    config.loadFromFile(harness.kubeconfigPath);
    api = KubernetesObjectApi.makeApiClient(config);
    core = config.makeApiClient(CoreV1Api);
  });
  afterAll(async () => harness?.stop());

  it("answers Skiff's own version probe with the built release", async () => {
    const version = await createClientNodeKube().serverVersion(kube().kubeconfigPath);
    expect(version.gitVersion).toBe(KUBE_VERSION);
  });

  it('establishes a server-side-applied CRD', async () => {
    await apply(crd);
    await expect
      .poll(
        async () => {
          const got = await read<Obj & { status?: { conditions?: Obj[] } }>(crd);
          return got.status?.conditions?.find((c) => c['type'] === 'Established')?.['status'];
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe('True');
  });

  it('validates custom resources by the schema', async () => {
    // Discovery of a new group can lag Established by a moment; retry the first apply.
    await expect
      .poll(() => status(apply(boat({ length: 3 }))), { timeout: 30_000, interval: 200 })
      .toBe(200);
    const got = await read<Obj & { spec: Record<string, unknown> }>(boat({}));
    expect(got.spec).toEqual({ length: 3 });
    expect(await status(apply(boat({ length: 0 })))).toBe(422); // below minimum
    expect(await status(apply(boat({ name: 'no length' })))).toBe(422); // required missing
    // Apply does not prune unknown fields as create/update do: it refuses the patch (a 500,
    // "field not declared in schema", in Kubernetes 1.34).
    expect(await status(apply(boat({ length: 3, colour: 'red' })))).not.toBe(200);
  });

  it('tracks field ownership: a second manager conflicts unless it forces', async () => {
    expect(await status(apply(boat({ length: 5 }), 'someone-else', false))).toBe(409);
    await apply(boat({ length: 5 }), 'someone-else', true);
    const got = await read<Obj & { metadata: { managedFields?: Obj[] } }>(boat({}));
    const managers = got.metadata.managedFields?.map((f) => f['manager']);
    expect(managers).toContain('someone-else');
  });

  it('simulates workload readiness through the status subresource', async () => {
    const deployment: Obj = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'skiff/web:1' }] },
        },
      },
    };
    await apply(deployment);
    type Status = Obj & { status?: { observedGeneration?: number; readyReplicas?: number } };
    const observed = async (): Promise<number | undefined> =>
      (await read<Status>(deployment)).status?.observedGeneration;
    await expect.poll(observed).toBe(1);
    // Zero counts are omitted by the server.
    expect((await read<Status>(deployment)).status?.readyReplicas ?? 0).toBe(0);
    // The failing pod's log comes through the API server's kubelet proxy from the fake node.
    const log = await core.readNamespacedPodLog({
      name: 'web-0',
      namespace: 'default',
      container: 'web',
    });
    expect(log).toContain('connect: connection refused');
    await kube().markReady('Deployment', 'default', 'web');
    expect((await read<Status>(deployment)).status?.readyReplicas).toBe(2);
  });
});

const startReal: KubeApiHarnessFactory = async (options) => {
  const harness = await startRealKubeApi(options);
  if (!harness) throw new Error('kube-apiserver binaries vanished after the check');
  return harness;
};
if (!missing) installerSuite(`real kube-apiserver ${KUBE_VERSION}`, startReal);
