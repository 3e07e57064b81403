import { invalidArgument } from '../../core/errors.js';
import type { SqliteDatabase } from '../../store/database.js';
import { filterToSql, type SqlCondition } from './filter-sql.js';
import { parseFilter } from './list-filter.js';
import { resolveField, type ListTable } from './list-table.js';
import { decodePageToken, encodePageToken, type PageCursor } from './page-token.js';

/** A KFP list request as it arrives: `page_token`, `page_size`, `sort_by`, `filter`. */
export interface ListRequest {
  pageToken?: string;
  pageSize?: number;
  sortBy?: string;
  filter?: string;
}

export interface Page<Row> {
  rows: Row[];
  /** Rows matching the filter and scope, on all pages. */
  totalSize: number;
  nextPageToken?: string;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

/**
 * One page of a table: scope (namespace, parent ...) AND filter, ordered by the sort key
 * then rowid (insertion order breaks ties), continuing after the token's last row.
 */
export function listPage<Row>(
  db: SqliteDatabase,
  table: ListTable,
  request: ListRequest,
  scope: readonly SqlCondition[] = [],
): Page<Row> {
  const pageSize = resolvePageSize(request.pageSize);
  const query = request.pageToken
    ? decodePageToken(request.pageToken, table.name)
    : { ...parseSortBy(request.sortBy, table), filter: request.filter ?? '' };
  const sort = resolveField(table, query.sortKey, 'sort_by').expression;
  const conditions = [...scope, ...filterToSql(parseFilter(query.filter), table)];
  const where = (extra: SqlCondition[]): SqlCondition => {
    const all = [...conditions, ...extra];
    return {
      sql: all.length ? `WHERE ${all.map((c) => `(${c.sql})`).join(' AND ')}` : '',
      params: all.flatMap((c) => c.params),
    };
  };

  const count = where([]);
  const totalSize =
    db
      .prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table.table} ${count.sql}`)
      .get(...count.params)?.n ?? 0;

  const direction = query.descending ? 'DESC' : 'ASC';
  const after: SqlCondition[] = [];
  if ('after' in query) {
    const op = query.descending ? '<' : '>';
    after.push({
      sql: `${sort} ${op} ? OR (${sort} = ? AND rowid ${op} ?)`,
      params: [query.after.sortValue, query.after.sortValue, query.after.rowid],
    });
  }
  const page = where(after);
  const rows = db
    .prepare<unknown[], Row & { _rowid: number; _sort: string }>(
      `SELECT *, rowid AS _rowid, ${sort} AS _sort FROM ${table.table} ${page.sql}
       ORDER BY ${sort} ${direction}, rowid ${direction} LIMIT ?`,
    )
    .all(...page.params, pageSize + 1);

  const result: Page<Row> = { rows: rows.slice(0, pageSize), totalSize };
  const last = rows[pageSize - 1];
  if (rows.length > pageSize && last) {
    const cursor: PageCursor = {
      list: table.name,
      sortKey: query.sortKey,
      descending: query.descending,
      filter: query.filter,
      after: { sortValue: last._sort, rowid: last._rowid },
    };
    result.nextPageToken = encodePageToken(cursor);
  }
  return result;
}

function resolvePageSize(pageSize: number | undefined): number {
  if (pageSize === undefined || pageSize === 0) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 0) {
    throw invalidArgument(
      'page_size',
      `${pageSize} is not a page size; use a whole number from 1 to ${MAX_PAGE_SIZE}`,
    );
  }
  return Math.min(pageSize, MAX_PAGE_SIZE);
}

/** `"created_at desc"`, `"name"`, `"name asc"`; empty means the table's default. */
export function parseSortBy(
  sortBy: string | undefined,
  table: ListTable,
): { sortKey: string; descending: boolean } {
  const text = sortBy?.trim() || table.defaultSort;
  const [key = '', order, ...rest] = text.split(/\s+/);
  const direction = order?.toLowerCase();
  if (rest.length > 0 || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
    throw invalidArgument(
      'sort_by',
      `"${sortBy}" is not "<field>", "<field> asc" or "<field> desc"`,
    );
  }
  resolveField(table, key, 'sort_by');
  return { sortKey: key, descending: direction === 'desc' };
}
