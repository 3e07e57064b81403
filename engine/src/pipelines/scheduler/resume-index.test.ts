import { describe, expect, it } from 'vitest';
import { ResumeIndex } from './resume-index.js';
import type { TaskRecord } from './run-model.js';

function record(
  taskId: string,
  name: string,
  kind: TaskRecord['kind'],
  state: TaskRecord['state'],
  extra: Partial<TaskRecord> = {},
): TaskRecord {
  return {
    taskId,
    runId: 'r',
    name,
    displayName: name,
    kind,
    state,
    cached: false,
    attempts: 1,
    inputs: { parameters: {}, artifacts: {} },
    outputs: { parameters: { Output: taskId }, artifacts: {} },
    createdAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

describe('ResumeIndex', () => {
  const previous = [
    record('loop', 'for-loop-1', 'loop', 'FAILED'),
    record('it0', 'for-loop-1', 'iteration', 'SUCCEEDED', {
      parentTaskId: 'loop',
      iterationIndex: 0,
    }),
    record('it1', 'for-loop-1', 'iteration', 'FAILED', { parentTaskId: 'loop', iterationIndex: 1 }),
    record('p0', 'print-op', 'container', 'SUCCEEDED', { parentTaskId: 'it0' }),
    record('p1', 'print-op', 'container', 'FAILED', { parentTaskId: 'it1' }),
    record('top', 'producer', 'container', 'SUCCEEDED'),
    record('orphan', 'lost', 'container', 'SUCCEEDED', { parentTaskId: 'gone' }),
  ];
  const index = new ResumeIndex(previous);

  it('finds succeeded leaf tasks by path and iteration index', () => {
    expect(index.find(['for-loop-1', 'iteration-0', 'print-op'])?.taskId).toBe('p0');
    expect(index.find(['producer'])?.taskId).toBe('top');
  });

  it('ignores failed tasks, DAG-level tasks and tasks whose parents are missing', () => {
    expect(index.find(['for-loop-1', 'iteration-1', 'print-op'])).toBeUndefined();
    expect(index.find(['for-loop-1'])).toBeUndefined();
    expect(index.size).toBe(2);
  });
});
