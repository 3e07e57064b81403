import { invalidArgument } from '../../../core/errors.js';

/** Readers for fields of a KFP JSON body: each names the field when it has the wrong type. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown, field: string): JsonObject {
  if (!isJsonObject(value)) throw invalidArgument(field, 'must be a JSON object');
  return value;
}

export function optionalObject(body: JsonObject, key: string, prefix = ''): JsonObject | undefined {
  const value = body[key];
  return value === undefined || value === null ? undefined : asObject(value, `${prefix}${key}`);
}

/** A string field; empty and absent are the same, as in protobuf. */
export function optionalString(body: JsonObject, key: string, prefix = ''): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalidArgument(`${prefix}${key}`, 'must be a string');
  return value;
}

/** `tags`: string keys and values of at most 63 characters, as KFP allows. */
export function stringMap(value: unknown, field: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  const object = asObject(value, field);
  for (const [key, item] of Object.entries(object)) {
    if (typeof item !== 'string') throw invalidArgument(`${field}.${key}`, 'must be a string');
    if (key.length > 63 || item.length > 63) {
      throw invalidArgument(`${field}.${key}`, 'keys and values are at most 63 characters');
    }
  }
  return object as Record<string, string>;
}

/** The `tags` query parameter of the upload routes: a JSON-encoded map. */
export function tagsQuery(text: string | null): Record<string, string> {
  if (text === null || text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw invalidArgument('tags', 'must be a JSON-encoded map like {"team":"ml"}');
  }
  return stringMap(value, 'tags');
}
