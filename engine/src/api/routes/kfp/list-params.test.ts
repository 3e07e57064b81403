import { describe, expect, it } from 'vitest';
import { booleanParam, listNamespace, listRequest } from './list-params.js';

const url = (query: string): URL => new URL(`http://x/apis/v2beta1/runs?${query}`);

describe('list parameters', () => {
  it('reads paging, sort and a URL-encoded filter', () => {
    const filter = JSON.stringify({
      predicates: [{ key: 'name', operation: 'EQUALS', string_value: 'a b' }],
    });
    expect(
      listRequest(
        url(`page_size=5&page_token=t&sort_by=name%20desc&filter=${encodeURIComponent(filter)}`),
      ),
    ).toEqual({
      pageSize: 5,
      pageToken: 't',
      sortBy: 'name desc',
      filter,
    });
    expect(listRequest(url(''))).toEqual({});
  });

  it('names a page_size that is not a number', () => {
    expect(() => listRequest(url('page_size=ten'))).toThrow('page_size');
  });

  it('treats an empty namespace as every namespace', () => {
    expect(listNamespace(url('namespace='))).toBeUndefined();
    expect(listNamespace(url('namespace=team'))).toBe('team');
  });

  it('reads booleans strictly', () => {
    expect(booleanParam(url('cascade=true'), 'cascade')).toBe(true);
    expect(booleanParam(url(''), 'cascade')).toBe(false);
    expect(() => booleanParam(url('cascade=yes'), 'cascade')).toThrow('cascade');
  });
});
