import type { ListRunsOptions } from '../../../api/kfp-types';

/**
 * What the runs list shows, as kept in the URL query (`/runs?state=FAILED&label=team%3Dml`),
 * so a view can be linked to and Back returns to the previous one.
 */
export interface RunListQuery {
  archived: boolean;
  experiment: string;
  state: string;
  /** `key=value`, matched with the engine's `labels.<key>` filter key. */
  label: string;
  pipeline: string;
  /** `YYYY-MM-DD` from a date input, in the browser's time zone; '' for none. */
  createdAfter: string;
  createdBefore: string;
  sortKey: SortKey;
  descending: boolean;
  pageSize: number;
}

/** An experiment or pipeline offered in a filter picker. */
export interface Choice {
  id: string;
  name: string;
}

export const SORT_KEYS = ['created_at', 'display_name', 'state', 'finished_at'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [20, 50, 100, 200] as const;

export const DEFAULT_QUERY: RunListQuery = {
  archived: false,
  experiment: '',
  state: '',
  label: '',
  pipeline: '',
  createdAfter: '',
  createdBefore: '',
  sortKey: 'created_at',
  descending: true,
  pageSize: 20,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a query from `location.search`; unknown or malformed values fall back to defaults. */
export function parseRunQuery(search: string): RunListQuery {
  const params = new URLSearchParams(search);
  const text = (name: string) => params.get(name)?.trim() ?? '';
  const [sortName = '', order = ''] = text('sort').split(/\s+/);
  const sortKey = (SORT_KEYS as readonly string[]).includes(sortName)
    ? (sortName as SortKey)
    : DEFAULT_QUERY.sortKey;
  const size = Number(text('size'));
  const date = (name: string) => (DATE.test(text(name)) ? text(name) : '');
  return {
    archived: text('view') === 'archived',
    experiment: text('experiment'),
    state: text('state'),
    label: text('label'),
    pipeline: text('pipeline'),
    createdAfter: date('after'),
    createdBefore: date('before'),
    sortKey,
    descending: sortName === '' ? DEFAULT_QUERY.descending : order === 'desc',
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_QUERY.pageSize,
  };
}

/** The URL query for a view (`?…`, or '' for the default one), defaults left out. */
export function runQuerySearch(query: RunListQuery): string {
  const params = new URLSearchParams();
  if (query.archived) params.set('view', 'archived');
  if (query.experiment) params.set('experiment', query.experiment);
  if (query.state) params.set('state', query.state);
  if (query.label) params.set('label', query.label);
  if (query.pipeline) params.set('pipeline', query.pipeline);
  if (query.createdAfter) params.set('after', query.createdAfter);
  if (query.createdBefore) params.set('before', query.createdBefore);
  if (query.sortKey !== DEFAULT_QUERY.sortKey || query.descending !== DEFAULT_QUERY.descending) {
    params.set('sort', `${query.sortKey}${query.descending ? ' desc' : ''}`);
  }
  if (query.pageSize !== DEFAULT_QUERY.pageSize) params.set('size', String(query.pageSize));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `team=ml` → {key: 'team', value: 'ml'}; null when it is not `key=value`. */
export function parseLabel(text: string): { key: string; value: string } | null {
  const at = text.indexOf('=');
  if (at <= 0) return null;
  const key = text.slice(0, at).trim();
  if (!/^[\w./-]{1,63}$/.test(key)) return null;
  return { key, value: text.slice(at + 1).trim() };
}

/** Midnight at the start of a `YYYY-MM-DD` day in the browser's time zone, as RFC 3339. */
export function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

type Predicate = { key: string; operation: string } & Record<string, string>;

/** The KFP `filter` JSON for a view: all predicates AND-ed. */
export function runFilter(query: RunListQuery): string {
  const predicates: Predicate[] = [
    query.archived
      ? { key: 'storage_state', operation: 'EQUALS', string_value: 'ARCHIVED' }
      : { key: 'storage_state', operation: 'NOT_EQUALS', string_value: 'ARCHIVED' },
  ];
  if (query.state)
    predicates.push({ key: 'state', operation: 'EQUALS', string_value: query.state });
  if (query.pipeline) {
    predicates.push({ key: 'pipeline_id', operation: 'EQUALS', string_value: query.pipeline });
  }
  const label = parseLabel(query.label);
  if (label) {
    predicates.push({ key: `labels.${label.key}`, operation: 'EQUALS', string_value: label.value });
  }
  if (query.createdAfter) {
    const since = startOfDay(query.createdAfter);
    predicates.push({
      key: 'created_at',
      operation: 'GREATER_THAN_EQUALS',
      timestamp_value: since,
    });
  }
  if (query.createdBefore) {
    const until = startOfDay(query.createdBefore);
    predicates.push({ key: 'created_at', operation: 'LESS_THAN', timestamp_value: until });
  }
  return JSON.stringify({ predicates });
}

/**
 * The list request for one page. A page token carries the sort and filter it was made
 * with, so only the scope (experiment) goes along with it.
 */
export function runListOptions(query: RunListQuery, pageToken?: string): ListRunsOptions {
  const scope: ListRunsOptions = query.experiment ? { experiment_id: query.experiment } : {};
  if (pageToken) return { ...scope, page_size: query.pageSize, page_token: pageToken };
  return {
    ...scope,
    page_size: query.pageSize,
    sort_by: `${query.sortKey}${query.descending ? ' desc' : ''}`,
    filter: runFilter(query),
  };
}

/** How many filters narrow the view (for "Clear filters"). */
export function activeFilterCount(query: RunListQuery): number {
  return [
    query.experiment,
    query.state,
    query.label,
    query.pipeline,
    query.createdAfter,
    query.createdBefore,
  ].filter(Boolean).length;
}
