import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUERY,
  activeFilterCount,
  parseLabel,
  parseRunQuery,
  runFilter,
  runListOptions,
  runQuerySearch,
  startOfDay,
} from './run-query';

describe('run list query in the URL', () => {
  it('reads the default view from an empty query and writes it back as nothing', () => {
    expect(parseRunQuery('')).toEqual(DEFAULT_QUERY);
    expect(runQuerySearch(DEFAULT_QUERY)).toBe('');
  });

  it('round-trips every filter, the sort and the page size', () => {
    const search =
      '?view=archived&experiment=e1&state=FAILED&label=team%3Dml&pipeline=p1&after=2024-05-01&before=2024-06-01&sort=display_name&size=50';
    const query = parseRunQuery(search);
    expect(query).toEqual({
      archived: true,
      experiment: 'e1',
      state: 'FAILED',
      label: 'team=ml',
      pipeline: 'p1',
      createdAfter: '2024-05-01',
      createdBefore: '2024-06-01',
      sortKey: 'display_name',
      descending: false,
      pageSize: 50,
    });
    expect(runQuerySearch(query)).toBe(search);
  });

  it('falls back to defaults for unknown sort keys, sizes and malformed dates', () => {
    const query = parseRunQuery('?sort=pipeline_spec+desc&size=7&after=yesterday');
    expect(query.sortKey).toBe('created_at');
    expect(query.pageSize).toBe(20);
    expect(query.createdAfter).toBe('');
  });
});

describe('parseLabel', () => {
  it('splits key=value and rejects text without a key', () => {
    expect(parseLabel('team=ml')).toEqual({ key: 'team', value: 'ml' });
    expect(parseLabel('a.b/c= x=y ')).toEqual({ key: 'a.b/c', value: 'x=y' });
    expect(parseLabel('team')).toBeNull();
    expect(parseLabel('=ml')).toBeNull();
    expect(parseLabel('bad key=1')).toBeNull();
  });
});

describe('runFilter', () => {
  const predicates = (search: string) =>
    (JSON.parse(runFilter(parseRunQuery(search))) as { predicates: unknown[] }).predicates;

  it('shows active runs by default and archived ones in the archive', () => {
    expect(predicates('')).toEqual([
      { key: 'storage_state', operation: 'NOT_EQUALS', string_value: 'ARCHIVED' },
    ]);
    expect(predicates('?view=archived')).toEqual([
      { key: 'storage_state', operation: 'EQUALS', string_value: 'ARCHIVED' },
    ]);
  });

  it('ANDs state, pipeline, label and the created range', () => {
    expect(
      predicates('?state=RUNNING&pipeline=p1&label=team%3Dml&after=2024-05-01&before=2024-05-03'),
    ).toEqual([
      { key: 'storage_state', operation: 'NOT_EQUALS', string_value: 'ARCHIVED' },
      { key: 'state', operation: 'EQUALS', string_value: 'RUNNING' },
      { key: 'pipeline_id', operation: 'EQUALS', string_value: 'p1' },
      { key: 'labels.team', operation: 'EQUALS', string_value: 'ml' },
      {
        key: 'created_at',
        operation: 'GREATER_THAN_EQUALS',
        timestamp_value: startOfDay('2024-05-01'),
      },
      { key: 'created_at', operation: 'LESS_THAN', timestamp_value: startOfDay('2024-05-03') },
    ]);
  });

  it('leaves out a label that is not key=value', () => {
    expect(predicates('?label=oops')).toHaveLength(1);
  });
});

describe('runListOptions', () => {
  it('sends sort and filter on the first page and only the token after it', () => {
    const query = parseRunQuery('?experiment=e1&sort=state+desc&size=100');
    expect(runListOptions(query)).toMatchObject({
      experiment_id: 'e1',
      page_size: 100,
      sort_by: 'state desc',
    });
    expect(runListOptions(query, 'tok')).toEqual({
      experiment_id: 'e1',
      page_size: 100,
      page_token: 'tok',
    });
  });

  it('counts the filters that narrow the view', () => {
    expect(activeFilterCount(parseRunQuery('?view=archived&sort=state'))).toBe(0);
    expect(activeFilterCount(parseRunQuery('?state=FAILED&label=a%3Db'))).toBe(2);
  });
});
