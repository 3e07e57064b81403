/** JSON helpers for the fake API server: objects are plain JSON, patched and compared. */

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json | undefined;
}

export interface StoredObject extends JsonObject {
  apiVersion: string;
  kind: string;
  metadata: JsonObject & { name: string; namespace?: string; resourceVersion?: string };
}

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const clone = <T extends Json | JsonObject>(value: T): T =>
  JSON.parse(JSON.stringify(value)) as T;

/** RFC 7386 merge patch; strategic merge patches are treated the same (arrays replace). */
export function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return clone(patch);
  const result: JsonObject = isObject(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    // null removes the field (RFC 7386); undefined fields vanish when serialized.
    if (value === null) result[key] = undefined;
    else if (value !== undefined) result[key] = mergePatch(result[key], value);
  }
  return result;
}

export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

/** A string field's value, or `fallback` when it is absent or not a string. */
export const text = (value: Json | undefined, fallback = ''): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;

/** Reads `a.b.c` from an object, for field selectors. */
export function valueAt(object: JsonObject, path: string): Json | undefined {
  let current: Json | undefined = object;
  for (const part of path.split('.')) {
    if (!isObject(current)) return undefined;
    current = current[part];
  }
  return current;
}
