/** JSON as the fake reads it from requests, narrowed without casts scattered in routes. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectField(value: unknown, key: string): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const field = value[key];
  return isObject(field) ? field : undefined;
}

export function stringField(value: unknown, key: string): string | undefined {
  if (!isObject(value)) return undefined;
  const field = value[key];
  return typeof field === 'string' && field !== '' ? field : undefined;
}

/** A string field, or "" when absent: namespaces are "" for shared/single-user records. */
export function text(value: unknown, key: string): string {
  return stringField(value, key) ?? '';
}
