import { describe, expect, it } from 'vitest';
import { parseCompareIds, runLabels } from './compare-runs';

describe('parseCompareIds', () => {
  it('takes 2 to 10 distinct ids in order', () => {
    expect(parseCompareIds('?runs=b,a,b')).toEqual({ ids: ['b', 'a'] });
    expect(parseCompareIds('?runs=r%201,r2')).toEqual({ ids: ['r 1', 'r2'] });
  });

  it('says why fewer than 2 or more than 10 runs cannot be compared', () => {
    const error = (search: string) => {
      const parsed = parseCompareIds(search);
      return 'error' in parsed ? parsed.error : '';
    };
    expect(error('')).toMatch(/none were given/);
    expect(error('?runs=a')).toMatch(/only 1 was/);
    const eleven = Array.from({ length: 11 }, (_, i) => `r${i}`).join(',');
    expect(error(`?runs=${eleven}`)).toMatch(/at most 10 runs; 11/);
  });
});

describe('runLabels', () => {
  it('adds the id to names two runs share', () => {
    expect(
      runLabels([
        { run_id: 'aaaaaaaa-1', display_name: 'iris' },
        { run_id: 'bbbbbbbb-2', display_name: 'iris' },
        { run_id: 'c', display_name: 'other' },
      ]),
    ).toEqual(['iris (aaaaaaaa)', 'iris (bbbbbbbb)', 'other']);
  });
});
