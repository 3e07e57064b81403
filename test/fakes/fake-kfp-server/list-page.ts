/**
 * KFP's list semantics for the fake: `filter` (a JSON `{predicates:[…]}`), `sort_by`
 * ("field" or "field desc"), `page_size` (default 20) and an opaque `page_token` that
 * carries the offset and the query it belongs to, answered as `total_size` and
 * `next_page_token` (both left out when zero or empty, as proto3 JSON does).
 */
import { invalid } from './kfp-error.js';
import { isObject, type JsonObject } from './json-object.js';

/** Field name (as clients filter and sort by it) → its value on a record. */
export type ListFields = Record<string, (item: JsonObject) => string | number | undefined>;

export interface Listed {
  items: JsonObject[];
  extra: { total_size?: number; next_page_token?: string };
}

const OPERATIONS: Record<string, string> = {
  1: 'EQUALS',
  2: 'NOT_EQUALS',
  3: 'GREATER_THAN',
  5: 'GREATER_THAN_EQUALS',
  6: 'LESS_THAN',
  7: 'LESS_THAN_EQUALS',
  8: 'IN',
  9: 'IS_SUBSTRING',
};

export function listPage(all: JsonObject[], query: URLSearchParams, fields: ListFields): Listed {
  const filter = query.get('filter') ?? '';
  const sortBy = query.get('sort_by') ?? '';
  const filtered = all.filter(predicate(filter, fields));
  const [sortField = 'created_at', direction] = sortBy.trim() ? sortBy.trim().split(/\s+/) : [];
  const key = fields[sortField];
  if (!key)
    throw invalid(`cannot sort by "${sortField}"; sortable: ${Object.keys(fields).join(', ')}`);
  const sign = direction === 'desc' ? -1 : 1;
  const sorted = filtered
    .map((item, index) => ({ item, index }))
    .sort((a, b) => sign * compare(key(a.item), key(b.item)) || a.index - b.index)
    .map(({ item }) => item);

  const size = Number(query.get('page_size') ?? 0) || 20;
  const offset = readToken(query.get('page_token') ?? '', filter, sortBy);
  const items = sorted.slice(offset, offset + size);
  const next = offset + size < sorted.length ? writeToken(offset + size, filter, sortBy) : '';
  return {
    items,
    extra: {
      ...(sorted.length > 0 ? { total_size: sorted.length } : {}),
      ...(next ? { next_page_token: next } : {}),
    },
  };
}

function compare(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

function writeToken(offset: number, filter: string, sortBy: string): string {
  return Buffer.from(JSON.stringify({ offset, filter, sortBy })).toString('base64url');
}

function readToken(token: string, filter: string, sortBy: string): number {
  if (!token) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      isObject(parsed) &&
      typeof parsed.offset === 'number' &&
      parsed.filter === filter &&
      parsed.sortBy === sortBy
    ) {
      return parsed.offset;
    }
  } catch {
    // Falls through to the same answer as a token for another query.
  }
  throw invalid('page_token is not one this list handed out for the same filter and sort_by');
}

function predicate(filter: string, fields: ListFields): (item: JsonObject) => boolean {
  if (!filter) return () => true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(filter);
  } catch {
    throw invalid(`filter is not JSON: ${filter}`);
  }
  const predicates = isObject(parsed) && Array.isArray(parsed.predicates) ? parsed.predicates : [];
  const checks = predicates.map((raw: unknown) => {
    if (!isObject(raw)) throw invalid('each filter predicate must be an object');
    const keyName = typeof raw.key === 'string' ? raw.key : '';
    const key = fields[keyName];
    if (!key)
      throw invalid(`cannot filter on "${keyName}"; known: ${Object.keys(fields).join(', ')}`);
    const operation = OPERATIONS[String(raw.operation)] ?? String(raw.operation);
    const value =
      raw.string_value ??
      raw.stringValue ??
      raw.int_value ??
      raw.intValue ??
      raw.long_value ??
      raw.longValue ??
      raw.timestamp_value ??
      raw.timestampValue;
    return (item: JsonObject): boolean => matches(key(item), operation, value);
  });
  return (item) => checks.every((check) => check(item));
}

function matches(
  actual: string | number | undefined,
  operation: string,
  expected: unknown,
): boolean {
  const want = typeof actual === 'number' ? Number(expected) : String(expected);
  switch (operation) {
    case 'EQUALS':
      return actual === want;
    case 'NOT_EQUALS':
      return actual !== want;
    case 'GREATER_THAN':
      return actual !== undefined && actual > want;
    case 'GREATER_THAN_EQUALS':
      return actual !== undefined && actual >= want;
    case 'LESS_THAN':
      return actual !== undefined && actual < want;
    case 'LESS_THAN_EQUALS':
      return actual !== undefined && actual <= want;
    case 'IS_SUBSTRING':
      return String(actual ?? '').includes(String(expected));
    default:
      throw invalid(`filter operation ${operation} is not supported`);
  }
}
