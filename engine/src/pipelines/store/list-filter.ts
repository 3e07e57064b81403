import { invalidArgument } from '../../core/errors.js';

/**
 * KFP's list filter (`filter.proto`): a URL-encoded JSON `{predicates: [...]}`, all AND-ed.
 * Clients write it as protojson does, so both `string_value` and `stringValue` occur, and
 * `operation` is an enum name or its number (the Python SDK sends `1` for EQUALS).
 */
export type FilterOperation =
  | 'EQUALS'
  | 'NOT_EQUALS'
  | 'GREATER_THAN'
  | 'GREATER_THAN_EQUALS'
  | 'LESS_THAN'
  | 'LESS_THAN_EQUALS'
  | 'IN'
  | 'IS_SUBSTRING';

export type FilterValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'timestamp'; value: string }
  | { kind: 'strings'; values: string[] }
  | { kind: 'numbers'; values: number[] };

export interface FilterPredicate {
  key: string;
  operation: FilterOperation;
  value: FilterValue;
}

/** filter.proto's enum numbers (4 is unused). */
const OPERATION_NUMBERS: Record<number, FilterOperation> = {
  1: 'EQUALS',
  2: 'NOT_EQUALS',
  3: 'GREATER_THAN',
  5: 'GREATER_THAN_EQUALS',
  6: 'LESS_THAN',
  7: 'LESS_THAN_EQUALS',
  8: 'IN',
  9: 'IS_SUBSTRING',
};
const OPERATIONS = new Set<string>(Object.values(OPERATION_NUMBERS));

/** Parses the `filter` query parameter; an empty one filters nothing. */
export function parseFilter(text: string | undefined): FilterPredicate[] {
  if (text === undefined || text.trim() === '') return [];
  const document = parseJson(text);
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw invalidArgument('filter', 'must be a JSON object like {"predicates": [...]}');
  }
  const predicates = (document as { predicates?: unknown }).predicates ?? [];
  if (!Array.isArray(predicates)) throw invalidArgument('filter', '"predicates" must be a list');
  return predicates.map((predicate: unknown, index) => parsePredicate(predicate, index));
}

function parseJson(text: string): unknown {
  for (const candidate of [text, safeDecode(text)]) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // A client may have encoded the JSON twice; try once more decoded.
    }
  }
  throw invalidArgument(
    'filter',
    'is not valid JSON; send URL-encoded JSON like {"predicates":[{"key":"display_name","operation":"EQUALS","string_value":"x"}]}',
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parsePredicate(raw: unknown, index: number): FilterPredicate {
  const field = `filter.predicates[${index}]`;
  if (typeof raw !== 'object' || raw === null) throw invalidArgument(field, 'must be an object');
  const predicate = raw as Record<string, unknown>;
  const key = predicate.key;
  if (typeof key !== 'string' || key === '') throw invalidArgument(`${field}.key`, 'is required');
  const operation = parseOperation(predicate.operation ?? predicate.op, `${field}.operation`);
  const value = parseValue(predicate, field);
  const isList = value.kind === 'strings' || value.kind === 'numbers';
  if ((operation === 'IN') !== isList) {
    throw invalidArgument(
      field,
      operation === 'IN'
        ? 'IN needs string_values, int_values or long_values'
        : `${operation} needs a single value, not a list`,
    );
  }
  if (operation === 'IS_SUBSTRING' && value.kind !== 'string') {
    throw invalidArgument(field, 'IS_SUBSTRING needs a string_value');
  }
  return { key, operation, value };
}

function parseOperation(raw: unknown, field: string): FilterOperation {
  if (typeof raw === 'number' && OPERATION_NUMBERS[raw]) return OPERATION_NUMBERS[raw];
  if (typeof raw === 'string' && OPERATIONS.has(raw)) return raw as FilterOperation;
  throw invalidArgument(field, `"${String(raw)}" is not one of ${[...OPERATIONS].join(', ')}`);
}

function pick(predicate: Record<string, unknown>, snake: string): unknown {
  const camel = snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return predicate[snake] ?? predicate[camel];
}

function parseValue(predicate: Record<string, unknown>, field: string): FilterValue {
  const found: FilterValue[] = [];
  const stringValue = pick(predicate, 'string_value');
  if (stringValue !== undefined)
    found.push({ kind: 'string', value: asString(stringValue, field) });
  for (const name of ['int_value', 'long_value']) {
    const value = pick(predicate, name);
    if (value !== undefined) found.push({ kind: 'number', value: asNumber(value, field) });
  }
  const timestamp = pick(predicate, 'timestamp_value');
  if (timestamp !== undefined) found.push({ kind: 'timestamp', value: asString(timestamp, field) });
  const strings = pick(predicate, 'string_values');
  if (strings !== undefined) {
    found.push({ kind: 'strings', values: listOf(strings, field).map((v) => asString(v, field)) });
  }
  for (const name of ['int_values', 'long_values']) {
    const values = pick(predicate, name);
    if (values !== undefined) {
      found.push({ kind: 'numbers', values: listOf(values, field).map((v) => asNumber(v, field)) });
    }
  }
  if (found.length !== 1 || !found[0]) {
    throw invalidArgument(
      field,
      'needs exactly one value (string_value, int_value, long_value, timestamp_value or a *_values list)',
    );
  }
  return found[0];
}

function listOf(raw: unknown, field: string): unknown[] {
  const values =
    typeof raw === 'object' && raw !== null ? (raw as { values?: unknown }).values : undefined;
  if (!Array.isArray(values)) throw invalidArgument(field, 'a *_values field is {"values": [...]}');
  return values;
}

function asString(raw: unknown, field: string): string {
  if (typeof raw !== 'string')
    throw invalidArgument(field, `${JSON.stringify(raw)} is not a string`);
  return raw;
}

function asNumber(raw: unknown, field: string): number {
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidArgument(field, `${JSON.stringify(raw)} is not a number`);
  }
  return value;
}
