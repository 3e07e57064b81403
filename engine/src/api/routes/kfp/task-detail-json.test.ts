import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../../pipelines/scheduler/run-model.js';
import { taskDetailsJson } from './task-detail-json.js';

const record = (extra: Partial<TaskRecord>): TaskRecord => ({
  taskId: 't',
  runId: 'r',
  name: 'for-loop-2',
  displayName: 'for-loop-2',
  kind: 'loop',
  state: 'RUNNING',
  cached: false,
  attempts: 0,
  inputs: { parameters: {}, artifacts: {} },
  outputs: { parameters: {}, artifacts: {} },
  createdAt: '2024-01-01T00:00:00Z',
  ...extra,
});

describe('taskDetailsJson', () => {
  it('adds the task key, kind and iteration index the UI graph places tasks by', () => {
    const [loop, iteration] = taskDetailsJson(
      [
        record({}),
        record({ taskId: 'i', parentTaskId: 't', kind: 'iteration', iterationIndex: 0 }),
      ],
      () => new Map(),
    );
    expect(loop).toMatchObject({
      task_name: 'for-loop-2',
      kind: 'loop',
      child_tasks: [{ task_id: 'i' }],
    });
    expect(loop).not.toHaveProperty('iteration_index');
    expect(iteration).toMatchObject({ kind: 'iteration', iteration_index: 0, parent_task_id: 't' });
  });
});
