import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../pipelines/scheduler/run-model.js';
import {
  formatRunTable,
  formatSpan,
  formatTable,
  formatTaskTable,
  rowFromDetail,
  rowFromRecord,
  visibleTasks,
  type TaskRow,
} from './run-table.js';

const now = new Date('2025-01-01T00:01:00.000Z');

function task(overrides: Partial<TaskRecord> & { taskId: string }): TaskRecord {
  return {
    runId: 'r1',
    name: overrides.taskId,
    displayName: overrides.taskId,
    kind: 'container',
    state: 'PENDING',
    cached: false,
    attempts: 0,
    inputs: { parameters: {}, artifacts: {} },
    outputs: { parameters: {}, artifacts: {} },
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('task rows', () => {
  it('come alike from TaskRecords and KFP task details', () => {
    const fromRecord = rowFromRecord(
      task({
        taskId: 't1',
        displayName: 'train',
        state: 'SUCCEEDED',
        cached: true,
        startedAt: '2025-01-01T00:00:01.000Z',
        finishedAt: '2025-01-01T00:00:03.500Z',
      }),
    );
    expect(fromRecord).toMatchObject({ taskId: 't1', displayName: 'train', cached: true });
    const fromDetail = rowFromDetail({
      task_id: 't1',
      display_name: 'train',
      state: 'SUCCEEDED',
      start_time: '2025-01-01T00:00:01.000Z',
      end_time: '2025-01-01T00:00:03.500Z',
    });
    expect(fromDetail).toMatchObject({ taskId: 't1', displayName: 'train', cached: false });
    expect(formatTaskTable([fromDetail], now)).toEqual(
      formatTaskTable([{ ...fromRecord, cached: false }], now),
    );
  });

  it('show a loop iteration with its index', () => {
    const row = rowFromRecord(
      task({ taskId: 'i', displayName: 'for-loop-2', kind: 'iteration', iterationIndex: 3 }),
    );
    expect(row.displayName).toBe('for-loop-2[3]');
  });
});

describe('visibleTasks', () => {
  it('hides a KFP root DAG and indents children under their parent, in start order', () => {
    const rows = [
      rowFromDetail({ task_id: 'root', display_name: 'root', state: 'RUNNING' }),
      rowFromRecord(task({ taskId: 'b', parentTaskId: 'root', startedAt: '2025-01-01T00:00:02Z' })),
      rowFromRecord(
        task({
          taskId: 'loop',
          parentTaskId: 'root',
          kind: 'loop',
          startedAt: '2025-01-01T00:00:03Z',
        }),
      ),
      rowFromRecord(task({ taskId: 'a', parentTaskId: 'root', startedAt: '2025-01-01T00:00:01Z' })),
      rowFromRecord(task({ taskId: 'inner', parentTaskId: 'loop' })),
    ];
    expect(visibleTasks(rows).map(({ row, depth }) => `${depth}:${row.taskId}`)).toEqual([
      '0:a',
      '0:b',
      '0:loop',
      '1:inner',
    ]);
  });

  it('keeps top-level tasks, a lone nested pipeline among them', () => {
    const rows: TaskRow[] = [
      { taskId: 'a', displayName: 'inner-pipeline', kind: 'dag', state: 'RUNNING', cached: false },
      { taskId: 'b', displayName: 'b', parentTaskId: 'a', state: 'PENDING', cached: false },
    ];
    expect(visibleTasks(rows).map(({ row, depth }) => `${depth}:${row.taskId}`)).toEqual([
      '0:a',
      '1:b',
    ]);
  });
});

describe('formatTaskTable', () => {
  it('shows task, state, duration (running tasks up to now) and a ✓ for cached ones', () => {
    const rows = [
      rowFromRecord(
        task({
          taskId: 'a',
          displayName: 'print-text',
          state: 'SUCCEEDED',
          cached: true,
          startedAt: '2025-01-01T00:00:00.000Z',
          finishedAt: '2025-01-01T00:00:00.400Z',
        }),
      ),
      rowFromRecord(
        task({
          taskId: 'b',
          displayName: 'train-model',
          state: 'RUNNING',
          startedAt: '2025-01-01T00:00:15.000Z',
        }),
      ),
      rowFromRecord(
        task({ taskId: 'c', displayName: 'report', createdAt: '2025-01-01T00:00:59Z' }),
      ),
    ];
    expect(formatTaskTable(rows, now)).toEqual([
      'TASK         STATE      DURATION  CACHED',
      'print-text   SUCCEEDED  0.4s      ✓',
      'train-model  RUNNING    45s',
      'report       PENDING',
    ]);
  });

  it('says when there are no tasks yet', () => {
    expect(formatTaskTable([], now)).toEqual(['No tasks yet.']);
  });
});

describe('formatRunTable', () => {
  it('lists runs with state and duration', () => {
    const lines = formatRunTable(
      [
        {
          run_id: 'r1',
          display_name: 'nightly',
          state: 'SUCCEEDED',
          created_at: '2025-01-01T00:00:00Z',
          finished_at: '2025-01-01T00:00:30Z',
        },
      ],
      now,
    );
    expect(lines[0]).toBe('RUN ID  NAME     STATE      CREATED           DURATION');
    expect(lines[1]).toMatch(/^r1 {6}nightly {2}SUCCEEDED {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}30s$/);
  });
});

describe('formatting', () => {
  it('pads every column but the last', () => {
    expect(
      formatTable(
        ['A', 'B'],
        [
          ['long', 'x'],
          ['s', ''],
        ],
      ),
    ).toEqual(['A     B', 'long  x', 's']);
  });

  it.each([
    [400, '0.4s'],
    [9_950, '9.9s'],
    [12_000, '12s'],
    [185_000, '3m 05s'],
    [7_800_000, '2h 10m'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });
});
