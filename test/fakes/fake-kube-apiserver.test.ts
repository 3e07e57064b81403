import { afterEach, describe, expect, it } from 'vitest';
import { startFakeKubeApiServer, type FakeKubeApiServer } from './fake-kube-apiserver/index.js';

/** The fake must answer like the real server where the installer depends on it. */
describe('fake kube-apiserver', () => {
  let fake: FakeKubeApiServer | undefined;
  afterEach(async () => {
    await fake?.stop();
  });

  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${fake?.url ?? ''}${path}`, init);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const apply = (path: string, object: object, manager = 'skiff') =>
    call(`${path}?fieldManager=${manager}&force=true`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/apply-patch+yaml' },
      body: JSON.stringify(object),
    });

  it('serves a custom kind only once its CRD is Established', async () => {
    fake = await startFakeKubeApiServer({ crdEstablishDelayMs: 100 });
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'gadgets.example.dev' },
      spec: {
        group: 'example.dev',
        scope: 'Cluster',
        names: { kind: 'Gadget', plural: 'gadgets' },
        versions: [{ name: 'v1', served: true }],
      },
    };
    await apply('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.example.dev', crd);
    const early = await apply('/apis/example.dev/v1/gadgets/g1', {
      apiVersion: 'example.dev/v1',
      kind: 'Gadget',
      metadata: { name: 'g1' },
    });
    expect(early).toMatchObject({
      status: 404,
      body: { message: 'the server could not find the requested resource' },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await call('/apis/example.dev/v1')).body).toMatchObject({
      resources: [
        { name: 'gadgets', kind: 'Gadget', namespaced: false },
        { name: 'gadgets/status' },
      ],
    });
    expect(
      (
        await apply('/apis/example.dev/v1/gadgets/g1', {
          apiVersion: 'example.dev/v1',
          kind: 'Gadget',
          metadata: { name: 'g1' },
        })
      ).status,
    ).toBe(200);
  });

  it('keeps the resourceVersion when the same content is applied again, and requires a field manager', async () => {
    fake = await startFakeKubeApiServer();
    const namespace = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'a', labels: { x: '1' } },
    };
    const first = await apply('/api/v1/namespaces/a', namespace);
    const second = await apply('/api/v1/namespaces/a', namespace);
    const changed = await apply('/api/v1/namespaces/a', {
      ...namespace,
      metadata: { name: 'a', labels: { x: '2' } },
    });
    const version = (r: { body: Record<string, unknown> }) =>
      (r.body.metadata as { resourceVersion: string }).resourceVersion;
    expect(version(second)).toBe(version(first));
    expect(version(changed)).not.toBe(version(first));
    expect(
      (
        await call('/api/v1/namespaces/a', {
          method: 'PATCH',
          headers: { 'content-type': 'application/apply-patch+yaml' },
          body: '{}',
        })
      ).status,
    ).toBe(422);
  });

  it('streams watch events as JSON lines', async () => {
    fake = await startFakeKubeApiServer();
    await apply('/api/v1/namespaces/w', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'w' },
    });
    const response = await fetch(`${fake.url}/api/v1/namespaces/w/configmaps?watch=1`);
    const reader = response.body?.getReader();
    await apply('/api/v1/namespaces/w/configmaps/c', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'w' },
    });
    const chunk = await reader?.read();
    const bytes = chunk?.value as Uint8Array | undefined;
    const event = JSON.parse(new TextDecoder().decode(bytes).split('\n')[0] ?? '') as {
      type: string;
      object: { metadata: { name: string } };
    };
    expect(event).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'c' } } });
    await reader?.cancel();
  });
});
