import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../pipelines/scheduler/run-model.js';
import { taskLabel } from './task-label.js';

const task = (taskId: string, extra: Partial<TaskRecord> = {}): TaskRecord => ({
  taskId,
  runId: 'r1',
  name: taskId,
  displayName: taskId,
  kind: 'container',
  state: 'SUCCEEDED',
  cached: false,
  attempts: 1,
  inputs: { parameters: {}, artifacts: {} },
  outputs: { parameters: {}, artifacts: {} },
  createdAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('taskLabel', () => {
  const tasks = new Map(
    [
      task('loop', { kind: 'loop' }),
      task('it-2', { kind: 'iteration', parentTaskId: 'loop', iterationIndex: 2 }),
      task('inner', { kind: 'loop', parentTaskId: 'it-2' }),
      task('it-2-0', { kind: 'iteration', parentTaskId: 'inner', iterationIndex: 0 }),
      task('train', { parentTaskId: 'it-2' }),
      task('score', { parentTaskId: 'it-2-0' }),
      task('report'),
    ].map((t) => [t.taskId, t]),
  );
  const lookup = (id: string) => tasks.get(id);

  it('is the display name outside loops', () => {
    expect(taskLabel(task('report'), lookup)).toBe('report');
  });

  it('adds the iteration a task ran in, outer to inner', () => {
    expect(taskLabel(task('train', { parentTaskId: 'it-2' }), lookup)).toBe('train #2');
    expect(taskLabel(task('score', { parentTaskId: 'it-2-0' }), lookup)).toBe('score #2.0');
  });
});
