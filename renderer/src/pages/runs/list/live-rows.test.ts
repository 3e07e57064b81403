import { describe, expect, it } from 'vitest';
import type { KfpRunRow } from '../../../api/kfp-runs';
import { applyRunChange, newRunsAppearHere } from './live-rows';
import { DEFAULT_QUERY } from './run-query';

const row = (id: string): KfpRunRow => ({
  run_id: id,
  display_name: id,
  created_at: '2026-01-01T00:00:00Z',
  state: 'RUNNING',
});

describe('applyRunChange', () => {
  it('updates the state, end and error of a run on the page', () => {
    const rows = [row('a'), row('b')];
    const changed = applyRunChange(rows, {
      runId: 'b',
      state: 'FAILED',
      finishedAt: '2026-01-01T00:01:00Z',
      error: { code: 'INTERNAL', message: 'boom' },
    });
    expect(changed).toBe(true);
    expect(rows[1]).toMatchObject({
      state: 'FAILED',
      finished_at: '2026-01-01T00:01:00Z',
      error: { message: 'boom' },
    });
    expect(rows[0]?.state).toBe('RUNNING');
  });

  it('reports a run that is not on the page', () => {
    expect(applyRunChange([row('a')], { runId: 'z', state: 'PENDING' })).toBe(false);
  });
});

describe('newRunsAppearHere', () => {
  it('holds only on the first page of active runs, newest first', () => {
    expect(newRunsAppearHere(DEFAULT_QUERY, 0)).toBe(true);
    expect(newRunsAppearHere(DEFAULT_QUERY, 1)).toBe(false);
    expect(newRunsAppearHere({ ...DEFAULT_QUERY, archived: true }, 0)).toBe(false);
    expect(newRunsAppearHere({ ...DEFAULT_QUERY, sortKey: 'display_name' }, 0)).toBe(false);
  });
});
