import { describe, expect, it } from 'vitest';
import { rowFromDetail, stateCounts, taskListRows, upsertRow, type TaskRow } from './task-rows';

const detail = {
  run_id: 'r',
  task_id: 't1',
  display_name: 'echo',
  create_time: '2026-01-01T00:00:00Z',
  state: 'RUNNING' as const,
  parent_task_id: 'root',
  child_tasks: [],
};

function row(taskId: string, kind: TaskRow['kind'], extra: Partial<TaskRow> = {}): TaskRow {
  return {
    taskId,
    displayName: taskId,
    kind,
    state: 'SUCCEEDED',
    leaf: kind === 'container',
    cached: false,
    inputs: {},
    outputs: {},
    ...extra,
  };
}

describe('task rows', () => {
  it('marks tasks without children as leaves unless Skiff says what they are', () => {
    expect(rowFromDetail(detail).leaf).toBe(true);
    expect(rowFromDetail({ ...detail, parent_task_id: undefined }).leaf).toBe(true);
    expect(rowFromDetail({ ...detail, child_tasks: [{ task_id: 'x' }] }).leaf).toBe(false);
    expect(rowFromDetail({ ...detail, kind: 'loop' }).leaf).toBe(false);
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

  it('counts states, most frequent first', () => {
    const rows = [row('a', 'container'), row('b', 'container', { state: 'RUNNING' })];
    expect(stateCounts([...rows, row('c', 'container')])).toBe('2 succeeded · 1 running');
  });

  const tree = [
    row('root', 'dag'),
    row('prep', 'container', { parentTaskId: 'root' }),
    row('loop', 'loop', { parentTaskId: 'root' }),
    row('it0', 'iteration', { parentTaskId: 'loop', iterationIndex: 0 }),
    row('train', 'container', { parentTaskId: 'it0' }),
    row('it1', 'iteration', { parentTaskId: 'loop', iterationIndex: 1, state: 'RUNNING' }),
    row('train', 'container', { parentTaskId: 'it1', taskId: 'train1', state: 'RUNNING' }),
  ];

  it('lists leaves and loops with iteration counts, without the root DAG', () => {
    const list = taskListRows(tree, false);
    expect(list.map((r) => [r.label, r.depth])).toEqual([
      ['prep', 0],
      ['loop', 0],
      ['train #0', 1],
      ['train #1', 1],
    ]);
    expect(list[1]?.summary).toBe('2 iterations · 1 succeeded · 1 running');
  });

  it('shows iterations as their own rows when groups are shown', () => {
    const list = taskListRows(tree, true);
    expect(list.map((r) => [r.label, r.depth])).toEqual([
      ['prep', 0],
      ['loop', 0],
      ['it0', 1],
      ['train #0', 2],
      ['it1', 1],
      ['train #1', 2],
    ]);
  });
});
