import { invalidArgument } from '../../core/errors.js';

/**
 * An opaque `next_page_token`. Like KFP's, it carries the sort and the filter of the first
 * request, so later pages need only the token; plus the last row's sort value and rowid,
 * so a page starts exactly after the previous one even while rows are added.
 */
export interface PageCursor {
  /** Which listing issued it (`pipelines`, `runs` ...): a token fits only its own list. */
  list: string;
  sortKey: string;
  descending: boolean;
  /** The `filter` text as the first request sent it; parsed and checked again on every page. */
  filter: string;
  after: { sortValue: string; rowid: number };
}

export function encodePageToken(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodePageToken(token: string, list: string): PageCursor {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
  } catch {
    cursor = undefined;
  }
  if (!isCursor(cursor) || cursor.list !== list) {
    throw invalidArgument(
      'page_token',
      `is not a token from this list of ${list}; pass the next_page_token of the previous page unchanged`,
    );
  }
  return cursor;
}

function isCursor(value: unknown): value is PageCursor {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const after = (typeof c.after === 'object' && c.after !== null ? c.after : {}) as Record<
    string,
    unknown
  >;
  return (
    typeof c.list === 'string' &&
    typeof c.sortKey === 'string' &&
    typeof c.descending === 'boolean' &&
    typeof c.filter === 'string' &&
    typeof after.sortValue === 'string' &&
    Number.isInteger(after.rowid)
  );
}
