import { invalidArgument } from '../../core/errors.js';
import type { FilterOperation, FilterPredicate, FilterValue } from './list-filter.js';
import { resolveField, type ListTable, type ResolvedField } from './list-table.js';

export interface SqlCondition {
  sql: string;
  params: (string | number)[];
}

/** A list whose JSON column of string labels is filterable as `labels.<key>` (runs). */
export interface LabelledTable {
  labelsColumn?: string;
}

/** Label keys as create-run accepts them; the key goes into a bound JSON path, never the SQL. */
const LABEL_KEY = /^labels\.([\w./-]{1,63})$/;

const COMPARATORS: Record<Exclude<FilterOperation, 'IN' | 'IS_SUBSTRING'>, string> = {
  EQUALS: '=',
  NOT_EQUALS: '!=',
  GREATER_THAN: '>',
  GREATER_THAN_EQUALS: '>=',
  LESS_THAN: '<',
  LESS_THAN_EQUALS: '<=',
};

/** Turns parsed predicates into WHERE conditions with bound parameters. */
export function filterToSql(
  predicates: readonly FilterPredicate[],
  table: ListTable & LabelledTable,
): SqlCondition[] {
  return predicates.map((predicate, index) => {
    const parameter = `filter.predicates[${index}]`;
    const { field, params } = filterField(table, predicate.key, `${parameter}.key`);
    const values = toValues(predicate.value, field, parameter);
    const first = values[0] ?? '';
    switch (predicate.operation) {
      case 'IN':
        if (values.length === 0) return { sql: '0', params: [] };
        return {
          sql: `${field.expression} IN (${values.map(() => '?').join(', ')})`,
          params: [...params, ...values],
        };
      case 'IS_SUBSTRING':
        return {
          sql: `${field.expression} LIKE ? ESCAPE '\\'`,
          params: [...params, `%${first.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
        };
      default: {
        const comparator = COMPARATORS[predicate.operation] as string | undefined;
        if (!comparator)
          throw invalidArgument(`${parameter}.operation`, 'is not a known operation');
        return { sql: `${field.expression} ${comparator} ?`, params: [...params, first] };
      }
    }
  });
}

/** A table field, or `labels.<key>` as json_extract with the path bound as a parameter. */
function filterField(
  table: ListTable & LabelledTable,
  key: string,
  parameter: string,
): { field: ResolvedField; params: string[] } {
  if (table.labelsColumn && key.startsWith('labels.')) {
    const label = LABEL_KEY.exec(key)?.[1];
    if (label === undefined) {
      throw invalidArgument(
        parameter,
        `"${key}" is not a label filter; use labels.<key> with a key of 1-63 letters, digits, ".", "_", "/" or "-"`,
      );
    }
    return {
      field: {
        expression: `COALESCE(json_extract(${table.labelsColumn}, ?), '')`,
        kind: 'string',
      },
      params: [`$."${label}"`],
    };
  }
  return { field: resolveField(table, key, parameter), params: [] };
}

function toValues(value: FilterValue, field: ResolvedField, parameter: string): string[] {
  const raw: (string | number)[] =
    value.kind === 'strings' || value.kind === 'numbers' ? value.values : [value.value];
  if (!Array.isArray(raw)) throw invalidArgument(parameter, 'has no value');
  return raw.map((item) => (field.kind === 'time' ? toTime(item, parameter) : String(item)));
}

/** Timestamps compare as ISO strings; Unix seconds (KFP's storage) are accepted too. */
function toTime(value: string | number, parameter: string): string {
  const seconds =
    typeof value === 'number' ? value : /^-?\d+$/.test(value) ? Number(value) : undefined;
  const date = seconds === undefined ? new Date(value) : new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) {
    throw invalidArgument(
      parameter,
      `"${value}" is not a time; use RFC 3339 like 2024-05-01T12:00:00Z`,
    );
  }
  return date.toISOString();
}
