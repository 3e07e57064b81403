import { clone, isObject, mergePatch, type Json, type StoredObject } from './json-object.js';
import { crdType, crdTypes, isEstablished, specChanged } from './object-semantics.js';
import { ObjectStore } from './object-store.js';
import { BUILT_IN_TYPES, type ResourceType } from './resource-table.js';
import { WorkloadSimulator, type NeverReadyReason } from './workload-simulator.js';

export interface FakeClusterOptions {
  /** How long a CRD takes to become Established (default 150 ms). */
  crdEstablishDelayMs?: number;
  /** How long a workload takes to become Available (default 100 ms). */
  readyDelayMs?: number;
  /** How long a deleted namespace stays Terminating (default 100 ms). */
  namespaceDeleteDelayMs?: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
const wKey = (kind: string, namespace: string, name: string): string =>
  `${kind}/${namespace}/${name}`;

/**
 * The fake cluster's state and its simulated controllers, without HTTP: CRDs become
 * Established after a delay, workloads become Available (or never, when told), deleted
 * namespaces terminate and take their objects with them.
 */
export class FakeCluster {
  readonly store = new ObjectStore();
  readonly workloads = new WorkloadSimulator(this.store);
  /** What was applied (server-side apply), in order, as "Kind namespace/name". */
  readonly applied: string[] = [];
  /** When each CRD became Established, by name. */
  readonly establishedAt = new Map<string, number>();
  readonly appliedAt: Array<{ ref: string; at: number }> = [];
  private readonly neverReady = new Map<string, NeverReadyReason>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly options: Required<FakeClusterOptions>;

  constructor(options: FakeClusterOptions = {}) {
    this.options = {
      crdEstablishDelayMs: options.crdEstablishDelayMs ?? 150,
      readyDelayMs: options.readyDelayMs ?? 100,
      namespaceDeleteDelayMs: options.namespaceDeleteDelayMs ?? 100,
    };
    // The namespaces every real cluster starts with.
    const namespaces = BUILT_IN_TYPES.find((t) => t.kind === 'Namespace') as ResourceType;
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      this.store.put(namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
  }

  /** Built-in kinds plus the kinds of every Established CRD. */
  types(): ResourceType[] {
    const custom = this.store
      .list(crdType())
      .flatMap((crd) => (isEstablished(crd) ? crdTypes(crd) : []));
    return [...BUILT_IN_TYPES, ...custom];
  }

  resolve(group: string, version: string, plural: string): ResourceType | undefined {
    return this.types().find(
      (t) => t.group === group && t.version === version && t.plural === plural,
    );
  }

  setNeverReady(kind: string, namespace: string, name: string, reason: NeverReadyReason): void {
    this.neverReady.set(wKey(kind, namespace, name), reason);
  }

  markReady(kind: string, namespace: string, name: string): void {
    this.neverReady.delete(wKey(kind, namespace, name));
    const type = BUILT_IN_TYPES.find((t) => t.kind === kind);
    const workload = type && this.store.get(type, namespace, name);
    if (type && workload) this.workloads.reconcile(type, workload);
  }

  create(
    type: ResourceType,
    namespace: string | undefined,
    body: StoredObject,
    manager?: string,
  ): StoredObject {
    if (this.store.get(type, namespace, body.metadata.name)) {
      throw new ApiError(
        409,
        'AlreadyExists',
        `${type.plural} "${body.metadata.name}" already exists`,
      );
    }
    return this.write(
      type,
      undefined,
      { ...body, metadata: { ...body.metadata, namespace } },
      manager,
      'Update',
    );
  }

  /** Server-side apply: creates or merges, recording the manager; no change keeps the object. */
  apply(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: StoredObject,
    manager: string,
  ): StoredObject {
    const existing = this.store.get(type, namespace, name);
    const merged = mergePatch(existing ?? {}, body) as StoredObject;
    merged.metadata = { ...merged.metadata, name, namespace };
    const stored = this.write(type, existing, merged, manager, 'Apply');
    const ref = `${type.kind} ${namespace ? `${namespace}/` : ''}${name}`;
    this.applied.push(ref);
    this.appliedAt.push({ ref, at: Date.now() });
    return stored;
  }

  patch(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patch: Json,
    subresource?: string,
  ): StoredObject {
    const existing = this.mustGet(type, namespace, name);
    const merged = mergePatch(existing, patch) as StoredObject;
    if (subresource === 'status')
      return this.write(type, existing, { ...existing, status: merged.status });
    return this.write(type, existing, { ...merged, status: existing.status });
  }

  replace(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: StoredObject,
    subresource?: string,
  ): StoredObject {
    const existing = this.mustGet(type, namespace, name);
    const version = body.metadata.resourceVersion;
    if (version && version !== existing.metadata.resourceVersion) {
      throw new ApiError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${type.plural} "${name}": the object has been modified`,
      );
    }
    if (subresource === 'status')
      return this.write(type, existing, { ...existing, status: body.status });
    return this.write(type, existing, {
      ...body,
      metadata: { ...existing.metadata, ...body.metadata },
      status: existing.status,
    });
  }

  delete(type: ResourceType, namespace: string | undefined, name: string): StoredObject {
    const existing = this.mustGet(type, namespace, name);
    if (type.kind === 'Namespace') {
      const terminating = this.store.put(type, {
        ...existing,
        metadata: { ...existing.metadata, deletionTimestamp: new Date().toISOString() },
        status: { phase: 'Terminating' },
      });
      this.later(this.options.namespaceDeleteDelayMs, () => this.removeNamespace(name));
      return terminating;
    }
    if (type.kind === 'CustomResourceDefinition') {
      for (const custom of crdTypes(existing)) {
        for (const object of this.store.list(custom))
          this.store.remove(custom, object.metadata.namespace, object.metadata.name);
      }
    }
    if (WORKLOAD_KINDS.has(type.kind)) {
      const pods = BUILT_IN_TYPES.find((t) => t.kind === 'Pod');
      if (pods) this.store.remove(pods, namespace, `${name}-0`);
    }
    return this.store.remove(type, namespace, name) ?? existing;
  }

  mustGet(type: ResourceType, namespace: string | undefined, name: string): StoredObject {
    const found = this.store.get(type, namespace, name);
    if (!found)
      throw new ApiError(
        404,
        'NotFound',
        `${type.plural}${type.group ? `.${type.group}` : ''} "${name}" not found`,
      );
    return found;
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private write(
    type: ResourceType,
    existing: StoredObject | undefined,
    next: StoredObject,
    manager?: string,
    operation?: 'Apply' | 'Update',
  ): StoredObject {
    const object = clone(next);
    object.apiVersion = existing?.apiVersion ?? object.apiVersion;
    const generation =
      typeof existing?.metadata.generation === 'number' ? existing.metadata.generation : 0;
    object.metadata.generation =
      !existing || specChanged(existing, object) ? generation + 1 : generation;
    if (type.kind === 'Deployment' || type.kind === 'StatefulSet') {
      const spec = isObject(object.spec) ? object.spec : {};
      object.spec = { replicas: 1, ...spec };
    }
    if (manager && operation) {
      const others = Array.isArray(object.metadata.managedFields)
        ? object.metadata.managedFields
        : [];
      object.metadata.managedFields = [
        ...others.filter((entry) => !isObject(entry) || entry.manager !== manager),
        {
          manager,
          operation,
          apiVersion: object.apiVersion,
          time: new Date().toISOString(),
          fieldsType: 'FieldsV1',
          fieldsV1: {},
        },
      ];
    }
    const stored = this.store.put(type, object);
    this.afterWrite(type, stored);
    return stored;
  }

  private afterWrite(type: ResourceType, object: StoredObject): void {
    const { name, namespace = '' } = object.metadata;
    if (type.kind === 'CustomResourceDefinition' && !isEstablished(object)) {
      this.later(this.options.crdEstablishDelayMs, () => this.establish(type, name));
    }
    const status = isObject(object.status) ? object.status : {};
    if (WORKLOAD_KINDS.has(type.kind) && status.observedGeneration !== object.metadata.generation) {
      this.later(this.options.readyDelayMs, () => {
        const current = this.store.get(type, namespace, name);
        if (current)
          this.workloads.reconcile(
            type,
            current,
            this.neverReady.get(wKey(type.kind, namespace, name)),
          );
      });
    }
  }

  private establish(type: ResourceType, name: string): void {
    const crd = this.store.get(type, undefined, name);
    if (!crd || isEstablished(crd)) return;
    const spec = isObject(crd.spec) ? crd.spec : {};
    const conditions = ['NamesAccepted', 'Established'].map((condition) => ({
      type: condition,
      status: 'True',
      reason: condition,
    }));
    this.store.put(type, { ...crd, status: { conditions, acceptedNames: spec.names ?? {} } });
    this.establishedAt.set(name, Date.now());
  }

  private removeNamespace(name: string): void {
    for (const type of this.types()) {
      if (!type.namespaced) continue;
      for (const object of this.store.list(type, { namespace: name }))
        this.store.remove(type, name, object.metadata.name);
    }
    const namespaces = BUILT_IN_TYPES.find((t) => t.kind === 'Namespace');
    if (namespaces) this.store.remove(namespaces, undefined, name);
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }
}
