import { invalidArgument } from '../../core/errors.js';

/**
 * How a KFP list maps onto a table: the API's field names (with KFP's aliases) to columns.
 * Column names here are constants, never request text, so SQL built from them is safe.
 */
export interface ListField {
  column: string;
  /** `time` values are ISO-8601 strings; filters on them accept RFC 3339 or Unix seconds. */
  kind: 'string' | 'time';
  /** NULL compares and sorts as '' (so keyset paging never meets a NULL). */
  nullable?: boolean;
}

export interface ListTable {
  /** Names the list in page tokens and messages: `pipelines`, `runs` ... */
  name: string;
  table: string;
  fields: Readonly<Record<string, ListField>>;
  /** A JSON column of string tags, filterable as `tags.<key>`. */
  tagsColumn?: string;
  defaultSort: string;
}

/** What runs and recurring runs both list by: names, experiment, pipeline source, namespace. */
export const RUN_SOURCE_FIELDS: Readonly<Record<string, ListField>> = {
  display_name: { column: 'display_name', kind: 'string' },
  name: { column: 'display_name', kind: 'string' },
  description: { column: 'description', kind: 'string' },
  experiment_id: { column: 'experiment_id', kind: 'string', nullable: true },
  pipeline_id: { column: 'pipeline_id', kind: 'string', nullable: true },
  pipeline_version_id: { column: 'pipeline_version_id', kind: 'string', nullable: true },
  namespace: { column: 'namespace', kind: 'string' },
};

export interface ResolvedField {
  expression: string;
  kind: ListField['kind'];
}

export function resolveField(table: ListTable, key: string, parameter: string): ResolvedField {
  const field = table.fields[key];
  if (field) {
    return {
      expression: field.nullable ? `COALESCE(${field.column}, '')` : field.column,
      kind: field.kind,
    };
  }
  const tag = /^tags\.([\w.-]{1,63})$/.exec(key)?.[1];
  if (tag !== undefined && table.tagsColumn) {
    return {
      expression: `COALESCE(json_extract(${table.tagsColumn}, '$."${tag}"'), '')`,
      kind: 'string',
    };
  }
  const known = Object.keys(table.fields).join(', ');
  throw invalidArgument(
    parameter,
    `${table.name} cannot be filtered or sorted by "${key}"; use one of ${known}${table.tagsColumn ? ' or tags.<key>' : ''}`,
  );
}
