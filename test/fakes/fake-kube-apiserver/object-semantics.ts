import { deepEqual, isObject, text, type StoredObject } from './json-object.js';
import { BUILT_IN_TYPES, type ResourceType } from './resource-table.js';

/** Reading objects the way the API server's own logic does: CRDs, generations. */

/** Whether anything beyond metadata and status changed, which bumps the generation. */
export function specChanged(before: StoredObject, after: StoredObject): boolean {
  const strip = (object: StoredObject): StoredObject => ({
    ...object,
    metadata: { name: '' },
    status: null,
  });
  return !deepEqual(strip(before), strip(after));
}

export const crdType = (): ResourceType =>
  BUILT_IN_TYPES.find((t) => t.kind === 'CustomResourceDefinition') as ResourceType;

export function isEstablished(crd: StoredObject): boolean {
  const status = isObject(crd.status) ? crd.status : {};
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  return conditions.some((c) => isObject(c) && c.type === 'Established' && c.status === 'True');
}

export function crdTypes(crd: StoredObject): ResourceType[] {
  const spec = isObject(crd.spec) ? crd.spec : {};
  const names = isObject(spec.names) ? spec.names : {};
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  return versions
    .filter(isObject)
    .filter((v) => v.served !== false)
    .map((v) => ({
      group: text(spec.group),
      version: text(v.name),
      kind: text(names.kind),
      plural: text(names.plural),
      namespaced: spec.scope !== 'Cluster',
    }));
}
