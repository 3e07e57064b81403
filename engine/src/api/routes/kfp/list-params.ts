import { invalidArgument } from '../../../core/errors.js';
import type { ListRequest } from '../../../pipelines/store/list-page.js';

/** `page_token`, `page_size`, `sort_by` and `filter` from a KFP list URL. */
export function listRequest(url: URL): ListRequest {
  const query = url.searchParams;
  const request: ListRequest = {};
  const pageToken = query.get('page_token');
  if (pageToken) request.pageToken = pageToken;
  const pageSize = query.get('page_size');
  if (pageSize !== null && pageSize !== '') {
    if (!/^-?\d+$/.test(pageSize))
      throw invalidArgument('page_size', `"${pageSize}" is not a whole number`);
    request.pageSize = Number(pageSize);
  }
  const sortBy = query.get('sort_by');
  if (sortBy) request.sortBy = sortBy;
  const filter = query.get('filter');
  if (filter) request.filter = filter;
  return request;
}

/**
 * `namespace` for a list: Skiff is single-user, so no namespace (or an empty one, which
 * the KFP SDK sends by default) lists every namespace.
 */
export function listNamespace(url: URL): string | undefined {
  return url.searchParams.get('namespace') || undefined;
}

/** A boolean query parameter such as `cascade=true`. */
export function booleanParam(url: URL, name: string): boolean {
  const value = url.searchParams.get(name);
  if (value === null || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw invalidArgument(name, `"${value}" is not true or false`);
}
