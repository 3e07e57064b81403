/**
 * Validation of built-in Kubernetes objects against the API's OpenAPI schemas, offline:
 * kubernetes-models ships one precompiled validator per kind. Kinds it does not know are
 * custom resources, which the bundle must define with a CRD.
 */

interface ModelClass {
  new (data: unknown): { validate(): void };
}

const modules = new Map<string, Promise<Record<string, unknown> | undefined>>();

/** `apps/v1` → `kubernetes-models/apps/v1`; the core group (`v1`) is `kubernetes-models/v1`. */
function loadGroupVersion(apiVersion: string): Promise<Record<string, unknown> | undefined> {
  let loaded = modules.get(apiVersion);
  if (!loaded) {
    const specifier = `kubernetes-models/${apiVersion}`;
    // Resolved by Node at run time: the package's exports map knows which groups exist.
    loaded = import(/* @vite-ignore */ specifier).then(
      (m: Record<string, unknown>) => m,
      () => undefined,
    );
    modules.set(apiVersion, loaded);
  }
  return loaded;
}

function isModelClass(value: unknown): value is ModelClass {
  return typeof value === 'function' && 'prototype' in value;
}

/** True when apiVersion/kind is a built-in Kubernetes kind this package has a schema for. */
export async function isBuiltInKind(apiVersion: string, kind: string): Promise<boolean> {
  const group = await loadGroupVersion(apiVersion);
  return isModelClass(group?.[kind]);
}

/** The schema violations of a built-in object ("" when valid). */
export async function schemaErrors(object: {
  apiVersion: string;
  kind: string;
  [field: string]: unknown;
}): Promise<string> {
  const Model = (await loadGroupVersion(object.apiVersion))?.[object.kind];
  if (!isModelClass(Model)) return `${object.apiVersion} ${object.kind} is not a built-in kind`;
  try {
    new Model(object).validate();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
