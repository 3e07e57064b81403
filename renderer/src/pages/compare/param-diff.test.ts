import { describe, expect, it } from 'vitest';
import { formatParameter, parameterRows } from './param-diff';

describe('parameterRows', () => {
  it('lists every parameter any run set and flags the ones that differ', () => {
    expect(
      parameterRows([
        { c: 1, solver: 'lbfgs' },
        { c: 0.5, solver: 'lbfgs', seed: 7 },
      ]),
    ).toEqual([
      { name: 'c', values: ['1', '0.5'], differs: true },
      { name: 'seed', values: [undefined, '7'], differs: true },
      { name: 'solver', values: ['lbfgs', 'lbfgs'], differs: false },
    ]);
  });

  it('treats a run without parameters as setting none', () => {
    expect(parameterRows([undefined, { a: true }])).toEqual([
      { name: 'a', values: [undefined, 'true'], differs: true },
    ]);
  });

  it('writes structured values as JSON', () => {
    expect(formatParameter({ k: [1, 2] })).toBe('{"k":[1,2]}');
    expect(formatParameter('text')).toBe('text');
  });
});
