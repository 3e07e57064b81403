import { SkiffError } from '../../core/errors.js';
import type { KubeObject } from '../platform/index.js';
import { describeKey, keyOf, type ClusterObjects } from './cluster-objects.js';
import { waitUntil, throwIfCancelled } from './wait-until.js';
import { crdEstablished } from './workload-readiness.js';

/** Labels on everything Skiff applies: `kubectl get -l app.kubernetes.io/managed-by=skiff`. */
export const MANAGED_BY = { key: 'app.kubernetes.io/managed-by', value: 'skiff' };
export const COMPONENT_LABEL = 'skiff.dev/component';

/** Groups the API server serves itself; any other group is a custom resource needing a CRD. */
const BUILT_IN_GROUP = /^(|apps|batch|policy|autoscaling|[a-z0-9.-]*\.k8s\.io)$/;

export interface ApplyContext {
  component: string;
  deadline: number;
  signal: AbortSignal;
  onLog: (line: string) => void;
}

export function labelled(object: KubeObject, component: string): KubeObject {
  const labels = (object.metadata['labels'] ?? {}) as Record<string, string>;
  return {
    ...object,
    metadata: {
      ...object.metadata,
      labels: { ...labels, [MANAGED_BY.key]: MANAGED_BY.value, [COMPONENT_LABEL]: component },
    },
  };
}

/** Namespaces, then CRDs, then everything else in the order the bundle lists it. */
export function applyOrder(objects: readonly KubeObject[]): KubeObject[] {
  const rank = (o: KubeObject): number =>
    o.kind === 'Namespace' ? 0 : o.kind === 'CustomResourceDefinition' ? 1 : 2;
  return [...objects].sort((a, b) => rank(a) - rank(b));
}

/**
 * Server-side applies a component's objects. CRDs are waited Established before anything
 * else, and each custom resource waits for an Established CRD serving its kind (which may
 * come from an earlier component), since the API server 404s it until then.
 */
export async function applyComponent(
  cluster: ClusterObjects,
  objects: readonly KubeObject[],
  ctx: ApplyContext,
): Promise<void> {
  const ordered = applyOrder(objects);
  const crds = ordered.filter((o) => o.kind === 'CustomResourceDefinition');
  for (const object of ordered.filter(
    (o) => o.kind === 'Namespace' || o.kind === 'CustomResourceDefinition',
  )) {
    await applyOne(cluster, object, ctx);
  }
  for (const crd of crds) await waitCrdEstablished(cluster, crd, ctx);
  for (const object of ordered.filter(
    (o) => o.kind !== 'Namespace' && o.kind !== 'CustomResourceDefinition',
  )) {
    const group = object.apiVersion.includes('/') ? (object.apiVersion.split('/')[0] ?? '') : '';
    if (!BUILT_IN_GROUP.test(group)) await waitKindServed(cluster, object, group, ctx);
    await applyOne(cluster, object, ctx);
  }
}

async function applyOne(
  cluster: ClusterObjects,
  object: KubeObject,
  ctx: ApplyContext,
): Promise<void> {
  throwIfCancelled(ctx.signal);
  await cluster.apply(labelled(object, ctx.component));
  ctx.onLog(`applied ${describeKey(keyOf(object))}`);
}

const remaining = (ctx: ApplyContext): number => Math.max(0, ctx.deadline - Date.now());

async function waitCrdEstablished(
  cluster: ClusterObjects,
  crd: KubeObject,
  ctx: ApplyContext,
): Promise<void> {
  const established = await waitUntil(
    async () => {
      const current = await cluster.read(keyOf(crd));
      return current && crdEstablished(current) ? true : undefined;
    },
    { timeoutMs: remaining(ctx), signal: ctx.signal },
  );
  if (!established) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Component "${ctx.component}": CustomResourceDefinition ${crd.metadata.name} was not Established in time. Check its conditions with \`kubectl describe crd ${crd.metadata.name}\`; a conflicting older CRD of the same name is the usual cause.`,
      { component: ctx.component, object: `CustomResourceDefinition ${crd.metadata.name}` },
    );
  }
  ctx.onLog(`CustomResourceDefinition ${crd.metadata.name} is Established`);
}

async function waitKindServed(
  cluster: ClusterObjects,
  object: KubeObject,
  group: string,
  ctx: ApplyContext,
): Promise<void> {
  const served = await waitUntil(
    async () => {
      const crds = await cluster.list('apiextensions.k8s.io/v1', 'CustomResourceDefinition');
      const match = crds.find((crd) => {
        const spec = (crd['spec'] ?? {}) as { group?: string; names?: { kind?: string } };
        return spec.group === group && spec.names?.kind === object.kind && crdEstablished(crd);
      });
      return match ? true : undefined;
    },
    { timeoutMs: remaining(ctx), signal: ctx.signal },
  );
  if (!served) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Component "${ctx.component}": no Established CustomResourceDefinition serves ${object.kind} (${object.apiVersion}), so ${describeKey(keyOf(object))} cannot be applied. Add the component that installs that CRD to this component's dependsOn in platform.yaml.`,
      { component: ctx.component, object: describeKey(keyOf(object)) },
    );
  }
}
