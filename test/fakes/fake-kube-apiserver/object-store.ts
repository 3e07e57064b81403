import { randomUUID } from 'node:crypto';
import { clone, deepEqual, isObject, text, valueAt, type StoredObject } from './json-object.js';
import type { ResourceType } from './resource-table.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent {
  type: WatchEventType;
  object: StoredObject;
}
export interface Selector {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}
type Watcher = { type: ResourceType; selector: Selector; send: (event: WatchEvent) => void };

const typeKey = (type: ResourceType): string => `${type.group}/${type.kind}`;

/**
 * Every object the fake holds, with one resourceVersion counter for all of them (like
 * etcd's revision) and watchers notified on each change. Writes that change nothing keep
 * the resourceVersion, as the real server does for a no-op apply.
 */
export class ObjectStore {
  private readonly objects = new Map<string, StoredObject>();
  private readonly watchers = new Set<Watcher>();
  private revision = 100;

  private key(type: ResourceType, namespace: string | undefined, name: string): string {
    return `${typeKey(type)}/${type.namespaced ? (namespace ?? '') : ''}/${name}`;
  }

  get(type: ResourceType, namespace: string | undefined, name: string): StoredObject | undefined {
    const found = this.objects.get(this.key(type, namespace, name));
    return found ? clone(found) : undefined;
  }

  list(type: ResourceType, selector: Selector = {}): StoredObject[] {
    const prefix = `${typeKey(type)}/`;
    return [...this.objects]
      .filter(([key, object]) => key.startsWith(prefix) && matches(object, selector))
      .map(([, object]) => clone(object));
  }

  get resourceVersion(): string {
    return String(this.revision);
  }

  /** Stores `object`; returns what is stored, unchanged (same resourceVersion) when equal. */
  put(type: ResourceType, object: StoredObject): StoredObject {
    const key = this.key(type, object.metadata.namespace, object.metadata.name);
    const existing = this.objects.get(key);
    if (existing && deepEqual(withoutVolatile(existing), withoutVolatile(object))) {
      return clone(existing);
    }
    const stored = clone(object);
    stored.metadata.resourceVersion = String(++this.revision);
    if (!existing) {
      stored.metadata.uid = randomUUID();
      stored.metadata.creationTimestamp = new Date().toISOString();
    }
    if (!type.namespaced) delete stored.metadata.namespace;
    this.objects.set(key, stored);
    this.notify(type, { type: existing ? 'MODIFIED' : 'ADDED', object: stored });
    return clone(stored);
  }

  remove(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): StoredObject | undefined {
    const key = this.key(type, namespace, name);
    const existing = this.objects.get(key);
    if (!existing) return undefined;
    this.objects.delete(key);
    existing.metadata.resourceVersion = String(++this.revision);
    this.notify(type, { type: 'DELETED', object: existing });
    return clone(existing);
  }

  /** Every stored object in a namespace, for namespace deletion. */
  keysInNamespace(namespace: string): Array<{ kindKey: string; object: StoredObject }> {
    return [...this.objects]
      .filter(([, object]) => object.metadata.namespace === namespace)
      .map(([key, object]) => ({ kindKey: key, object: clone(object) }));
  }

  watch(type: ResourceType, selector: Selector, send: (event: WatchEvent) => void): () => void {
    const watcher: Watcher = { type, selector, send };
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private notify(type: ResourceType, event: WatchEvent): void {
    for (const watcher of this.watchers) {
      if (typeKey(watcher.type) === typeKey(type) && matches(event.object, watcher.selector)) {
        watcher.send({ type: event.type, object: clone(event.object) });
      }
    }
  }
}

/** Fields the server owns: they do not make two versions of an object different. */
function withoutVolatile(object: StoredObject): StoredObject {
  const copy = clone(object);
  const { metadata } = copy;
  metadata.resourceVersion = undefined;
  metadata.managedFields = undefined;
  metadata.uid = undefined;
  metadata.creationTimestamp = undefined;
  return copy;
}

function matches(object: StoredObject, selector: Selector): boolean {
  if (selector.namespace && object.metadata.namespace !== selector.namespace) return false;
  const labels = isObject(object.metadata.labels) ? object.metadata.labels : {};
  for (const term of splitTerms(selector.labelSelector)) {
    const [key = '', value] = term.split(/!?=+/);
    const negate = term.includes('!=');
    if (value === undefined ? labels[key] === undefined : (labels[key] === value) === negate) {
      return false;
    }
  }
  for (const term of splitTerms(selector.fieldSelector)) {
    const [path = '', value = ''] = term.split(/=+/);
    const actual = valueAt(object, path);
    if (text(actual) !== value) return false;
  }
  return true;
}

const splitTerms = (selector: string | undefined): string[] =>
  (selector ?? '')
    .split(',')
    .map((term) => term.trim())
    .filter(Boolean);
