/**
 * `skiff settings` keys and values. A key is a dotted path (`pipelines.concurrency`); a
 * segment that itself contains dots goes in brackets (`images.map[python:3.11]`). A value
 * is JSON when it parses as JSON, else a plain string; `null` removes a map entry.
 */
import { SkiffError } from '../core/errors.js';

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function parseSettingsKey(key: string): string[] {
  const segments: string[] = [];
  let rest = key.trim();
  if (rest === '') throw badKey(key, 'it is empty');
  while (rest !== '') {
    if (rest.startsWith('[')) {
      const end = rest.indexOf(']');
      if (end === -1) throw badKey(key, 'a "[" has no matching "]"');
      segments.push(unquote(rest.slice(1, end)));
      rest = rest.slice(end + 1);
    } else {
      const match = /^[^.[]+/.exec(rest);
      if (match === null) throw badKey(key, 'it has an empty segment');
      segments.push(match[0]);
      rest = rest.slice(match[0].length);
    }
    if (rest.startsWith('.')) {
      rest = rest.slice(1);
      if (rest === '') throw badKey(key, 'it ends with "."');
    } else if (rest !== '' && !rest.startsWith('[')) {
      throw badKey(key, 'a "]" must be followed by "." or "["');
    }
  }
  if (segments.some((segment) => segment === '')) throw badKey(key, 'it has an empty segment');
  return segments;
}

export function parseSettingsValue(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** `['pipelines','concurrency']`, 8 → `{ pipelines: { concurrency: 8 } }` (a merge patch). */
export function mergePatchFor(
  path: readonly string[],
  value: JsonValue,
): Record<string, JsonValue> {
  const [head, ...rest] = path;
  if (head === undefined) throw badKey('', 'it is empty');
  if (head === 'schemaVersion') {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      'schemaVersion is managed by Skiff and cannot be set.',
      {
        field: 'schemaVersion',
      },
    );
  }
  return { [head]: rest.length === 0 ? value : mergePatchFor(rest, value) };
}

/** The value at `path`, or NOT_FOUND naming the closest existing parent. */
export function valueAtPath(root: unknown, path: readonly string[]): unknown {
  let current: unknown = root;
  for (const [index, segment] of path.entries()) {
    if (!isRecord(current) || !Object.hasOwn(current, segment)) {
      const parent = path.slice(0, index).join('.');
      const known = isRecord(current) ? Object.keys(current).join(', ') : '';
      throw new SkiffError(
        'NOT_FOUND',
        `Setting "${formatSettingsKey(path.slice(0, index + 1))}" does not exist${
          known !== ''
            ? `; ${parent === '' ? 'top-level keys' : `keys under ${parent}`} are: ${known}`
            : ''
        }.`,
        { key: formatSettingsKey(path) },
      );
    }
    current = current[segment];
  }
  return current;
}

/** The canonical spelling of a key: brackets only where a segment contains a dot. */
export function formatSettingsKey(path: readonly string[]): string {
  return path
    .map((segment, index) =>
      /[.[\]]/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

/** Scalars print bare (scripts read them); objects as indented JSON. */
export function formatSettingValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  return JSON.stringify(value, null, 2);
}

function unquote(text: string): string {
  const quoted = /^(["'])(.*)\1$/s.exec(text);
  return quoted?.[2] ?? text;
}

function badKey(key: string, why: string): SkiffError {
  return new SkiffError(
    'INVALID_ARGUMENT',
    `Setting key "${key}" is not valid: ${why}. Use a dotted path such as pipelines.concurrency, with brackets for keys that contain dots: images.map[python:3.11].`,
    { field: 'KEY' },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
