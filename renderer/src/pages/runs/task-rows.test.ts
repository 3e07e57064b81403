import { describe, expect, it } from 'vitest';
import { rowFromDetail, upsertRow } from './task-rows';

const detail = {
  run_id: 'r',
  task_id: 't1',
  display_name: 'echo',
  create_time: '2026-01-01T00:00:00Z',
  state: 'RUNNING' as const,
  parent_task_id: 'root',
  child_tasks: [],
};

describe('task rows', () => {
  it('marks tasks without children as leaves', () => {
    expect(rowFromDetail(detail).leaf).toBe(true);
    expect(rowFromDetail({ ...detail, parent_task_id: undefined }).leaf).toBe(true);
    expect(rowFromDetail({ ...detail, child_tasks: [{ task_id: 'x' }] }).leaf).toBe(false);
  });

  it('replaces a row in place or appends a new one', () => {
    const a = rowFromDetail(detail);
    const b = rowFromDetail({ ...detail, task_id: 't2' });
    const done = { ...a, state: 'SUCCEEDED' };
    expect(upsertRow([a, b], done).map((r) => [r.taskId, r.state])).toEqual([
      ['t1', 'SUCCEEDED'],
      ['t2', 'RUNNING'],
    ]);
    expect(upsertRow([a], b)).toHaveLength(2);
  });
});
