import { describe, expect, it } from 'vitest';
import { parseFilter } from './list-filter.js';

describe('parseFilter', () => {
  it('reads the snake_case form with an operation name', () => {
    const filter = JSON.stringify({
      predicates: [{ key: 'display_name', operation: 'EQUALS', string_value: 'x' }],
    });
    expect(parseFilter(filter)).toEqual([
      { key: 'display_name', operation: 'EQUALS', value: { kind: 'string', value: 'x' } },
    ]);
  });

  it('reads what the KFP Python SDK sends: an operation number and camelCase values', () => {
    const filter = JSON.stringify({
      predicates: [{ operation: 1, key: 'display_name', stringValue: 'my pipeline' }],
    });
    expect(parseFilter(filter)[0]).toMatchObject({
      operation: 'EQUALS',
      value: { value: 'my pipeline' },
    });
  });

  it('reads list values for IN, int64 strings as numbers, and timestamps', () => {
    const filter = JSON.stringify({
      predicates: [
        { key: 'state', operation: 'IN', string_values: { values: ['RUNNING', 'PENDING'] } },
        { key: 'created_at', operation: 'GREATER_THAN', long_value: '1700000000' },
        { key: 'created_at', operation: 'LESS_THAN', timestamp_value: '2030-01-01T00:00:00Z' },
      ],
    });
    expect(parseFilter(filter).map((p) => p.value)).toEqual([
      { kind: 'strings', values: ['RUNNING', 'PENDING'] },
      { kind: 'number', value: 1700000000 },
      { kind: 'timestamp', value: '2030-01-01T00:00:00Z' },
    ]);
  });

  it('accepts JSON that was URL-encoded once more', () => {
    const filter = encodeURIComponent(JSON.stringify({ predicates: [] }));
    expect(parseFilter(filter)).toEqual([]);
  });

  it('treats an empty filter as no filter', () => {
    expect(parseFilter(undefined)).toEqual([]);
    expect(parseFilter('  ')).toEqual([]);
  });

  it.each([
    ['not json', 'filter: is not valid JSON'],
    ['[]', 'filter: must be a JSON object'],
    ['{"predicates":{}}', 'filter: "predicates" must be a list'],
    [
      '{"predicates":[{"operation":"EQUALS","string_value":"x"}]}',
      'filter.predicates[0].key: is required',
    ],
    [
      '{"predicates":[{"key":"a","operation":"LIKE","string_value":"x"}]}',
      'filter.predicates[0].operation',
    ],
    ['{"predicates":[{"key":"a","operation":"EQUALS"}]}', 'needs exactly one value'],
    ['{"predicates":[{"key":"a","operation":"IN","string_value":"x"}]}', 'IN needs string_values'],
    [
      '{"predicates":[{"key":"a","operation":"EQUALS","string_values":{"values":[]}}]}',
      'needs a single value',
    ],
    [
      '{"predicates":[{"key":"a","operation":"IS_SUBSTRING","int_value":3}]}',
      'IS_SUBSTRING needs a string_value',
    ],
  ])('refuses %s', (filter, message) => {
    expect(() => parseFilter(filter)).toThrow(message);
  });
});
