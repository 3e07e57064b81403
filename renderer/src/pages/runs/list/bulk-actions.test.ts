import { describe, expect, it } from 'vitest';
import { bulkSummary, compareBlocker, compareHref, runBulk } from './bulk-actions';

const runs = [
  { id: 'a', name: 'run a' },
  { id: 'b', name: 'run b' },
  { id: 'c', name: 'run c' },
];

describe('runBulk', () => {
  it('applies the action to every run and reports each failure by name', async () => {
    const seen: string[] = [];
    const result = await runBulk(
      runs,
      (id) => {
        seen.push(id);
        return id === 'b' ? Promise.reject(new Error('is RUNNING')) : Promise.resolve();
      },
      (error) => (error instanceof Error ? error.message : String(error)),
    );
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(result).toEqual({
      done: ['a', 'c'],
      failed: [{ id: 'b', name: 'run b', message: 'is RUNNING' }],
    });
    expect(bulkSummary('delete', result)).toEqual({
      kind: 'error',
      title: 'Delete failed for 1 run (deleted 2 runs)',
      message: 'run b: is RUNNING',
    });
  });

  it('says how many runs an action changed when all succeed', () => {
    expect(bulkSummary('unarchive', { done: ['a'], failed: [] })).toEqual({
      kind: 'success',
      message: 'Restored 1 run.',
    });
  });
});

describe('compare', () => {
  it('takes 2 to 10 runs', () => {
    expect(compareBlocker(1)).toMatch(/at least 2/);
    expect(compareBlocker(2)).toBeNull();
    expect(compareBlocker(10)).toBeNull();
    expect(compareBlocker(11)).toMatch(/at most 10/);
  });

  it('links to the compare page with the ids in order', () => {
    expect(compareHref(['r1', 'r 2'])).toBe('/compare?runs=r1,r%202');
  });
});
