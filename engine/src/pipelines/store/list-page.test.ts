import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../store/database.js';
import { listPage, parseSortBy, type ListRequest } from './list-page.js';
import type { ListTable } from './list-table.js';
import { encodePageToken } from './page-token.js';

const TABLE: ListTable = {
  name: 'items',
  table: 'items',
  fields: {
    name: { column: 'name', kind: 'string' },
    created_at: { column: 'created_at', kind: 'time' },
    finished_at: { column: 'finished_at', kind: 'time', nullable: true },
  },
  tagsColumn: 'tags',
  defaultSort: 'created_at',
};

interface Item {
  name: string;
}

let db: SqliteDatabase;

beforeEach(() => {
  db = openDatabase(':memory:', []);
  db.exec(
    `CREATE TABLE items (name TEXT, created_at TEXT, finished_at TEXT, tags TEXT NOT NULL DEFAULT '{}')`,
  );
  const insert = db.prepare(
    'INSERT INTO items (name, created_at, finished_at, tags) VALUES (?, ?, ?, ?)',
  );
  for (let i = 0; i < 7; i++) {
    const created = new Date(Date.UTC(2026, 0, 1 + (i % 3))).toISOString();
    insert.run(
      `item-${i}`,
      created,
      i % 2 ? created : null,
      JSON.stringify({ team: i < 3 ? 'a' : 'b' }),
    );
  }
});

const names = (request: ListRequest): string[] =>
  listPage<Item>(db, TABLE, request).rows.map((r) => r.name);

function allPages(request: ListRequest): { pages: string[][]; totals: number[] } {
  const pages: string[][] = [];
  const totals: number[] = [];
  let token: string | undefined;
  do {
    const page = listPage<Item>(db, TABLE, token ? { ...request, pageToken: token } : request);
    pages.push(page.rows.map((r) => r.name));
    totals.push(page.totalSize);
    token = page.nextPageToken;
  } while (token);
  return { pages, totals };
}

describe('listPage', () => {
  it('pages through every row once, in the default order, with the full total on each page', () => {
    const { pages, totals } = allPages({ pageSize: 3 });
    expect(pages).toEqual([
      ['item-0', 'item-3', 'item-6'],
      ['item-1', 'item-4', 'item-2'],
      ['item-5'],
    ]);
    expect(totals).toEqual([7, 7, 7]);
  });

  it('keeps sort and filter from the first request in the token', () => {
    const filter = JSON.stringify({
      predicates: [{ key: 'tags.team', operation: 'EQUALS', string_value: 'b' }],
    });
    const first = listPage<Item>(db, TABLE, { pageSize: 2, sortBy: 'name desc', filter });
    expect(first.rows.map((r) => r.name)).toEqual(['item-6', 'item-5']);
    const second = listPage<Item>(db, TABLE, { pageSize: 2, pageToken: first.nextPageToken ?? '' });
    expect(second.rows.map((r) => r.name)).toEqual(['item-4', 'item-3']);
    expect(second.nextPageToken).toBeUndefined();
    expect(second.totalSize).toBe(4);
  });

  it('pages a nullable sort column without losing rows', () => {
    const { pages } = allPages({ pageSize: 2, sortBy: 'finished_at desc' });
    expect(pages.flat().sort()).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `item-${i}`));
  });

  it('filters with comparisons, IN and substrings', () => {
    const filter = (predicates: unknown[]): string => JSON.stringify({ predicates });
    expect(
      names({
        filter: filter([
          { key: 'created_at', operation: 'GREATER_THAN', timestamp_value: '2026-01-02T00:00:00Z' },
        ]),
      }),
    ).toEqual(['item-2', 'item-5']);
    expect(
      names({
        filter: filter([
          {
            key: 'created_at',
            operation: 'LESS_THAN',
            long_value: String(Date.UTC(2026, 0, 2) / 1000),
          },
        ]),
      }),
    ).toEqual(['item-0', 'item-3', 'item-6']);
    expect(
      names({
        filter: filter([
          { key: 'name', operation: 'IN', string_values: { values: ['item-1', 'item-9'] } },
        ]),
      }),
    ).toEqual(['item-1']);
    expect(
      names({ filter: filter([{ key: 'name', operation: 'IS_SUBSTRING', string_value: 'M-4' }]) }),
    ).toEqual(['item-4']);
    expect(
      names({ filter: filter([{ key: 'name', operation: 'IS_SUBSTRING', string_value: '%' }]) }),
    ).toEqual([]);
  });

  it('uses 20 rows by default and at most 200', () => {
    expect(listPage(db, TABLE, {}).rows).toHaveLength(7);
    expect(() => listPage(db, TABLE, { pageSize: -1 })).toThrow('page_size');
    expect(() => listPage(db, TABLE, { pageSize: 1.5 })).toThrow('page_size');
    expect(listPage(db, TABLE, { pageSize: 5000 }).rows).toHaveLength(7);
  });

  it('names the unknown field and the choices', () => {
    expect(() => names({ sortBy: 'color' })).toThrow(
      /sort_by: items cannot be filtered or sorted by "color"; use one of name, created_at, finished_at or tags.<key>/,
    );
    const filter = JSON.stringify({
      predicates: [{ key: 'color', operation: 'EQUALS', string_value: 'x' }],
    });
    expect(() => names({ filter })).toThrow('filter.predicates[0].key');
  });

  it('refuses a token from another list or a broken one', () => {
    const foreign = encodePageToken({
      list: 'runs',
      sortKey: 'name',
      descending: false,
      filter: '',
      after: { sortValue: '', rowid: 1 },
    });
    expect(() => names({ pageToken: foreign })).toThrow('page_token');
    expect(() => names({ pageToken: 'garbage' })).toThrow('page_token');
  });

  it('refuses a time that is not one', () => {
    const filter = JSON.stringify({
      predicates: [{ key: 'created_at', operation: 'EQUALS', string_value: 'yesterday' }],
    });
    expect(() => names({ filter })).toThrow('is not a time');
  });
});

describe('parseSortBy', () => {
  it.each([
    ['', { sortKey: 'created_at', descending: false }],
    ['name', { sortKey: 'name', descending: false }],
    ['name asc', { sortKey: 'name', descending: false }],
    ['created_at desc', { sortKey: 'created_at', descending: true }],
    ['created_at DESC', { sortKey: 'created_at', descending: true }],
  ])('reads "%s"', (text, expected) => {
    expect(parseSortBy(text, TABLE)).toEqual(expected);
  });

  it('refuses other shapes', () => {
    expect(() => parseSortBy('name sideways', TABLE)).toThrow('sort_by');
    expect(() => parseSortBy('name desc now', TABLE)).toThrow('sort_by');
  });
});
