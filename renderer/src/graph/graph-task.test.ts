import type { TaskRecord } from '@skiff/engine/api-contract';
import { describe, expect, it } from 'vitest';
import type { KfpTaskDetail } from '../api/kfp-types';
import { graphTaskFromDetail, graphTaskFromRecord } from './graph-task';

describe('graph tasks', () => {
  it('reads Skiff task details, with the task key from task_name', () => {
    const detail: KfpTaskDetail = {
      run_id: 'r',
      task_id: 't2',
      parent_task_id: 't1',
      display_name: 'Train',
      task_name: 'train-model',
      kind: 'iteration',
      iteration_index: 3,
      create_time: '2024-01-01T00:00:00Z',
      start_time: '2024-01-01T00:00:01Z',
      state: 'RUNNING',
      cached: true,
    };
    expect(graphTaskFromDetail(detail)).toEqual({
      taskId: 't2',
      parentTaskId: 't1',
      name: 'train-model',
      displayName: 'Train',
      kind: 'iteration',
      iterationIndex: 3,
      state: 'RUNNING',
      cached: true,
      startedAt: '2024-01-01T00:00:01Z',
    });
  });

  it('falls back to the display name on a KFP server without Skiff fields', () => {
    const detail: KfpTaskDetail = {
      run_id: 'r',
      task_id: 't',
      display_name: 'train-model',
      create_time: '',
      state: 'SUCCEEDED',
    };
    expect(graphTaskFromDetail(detail)).toMatchObject({ name: 'train-model', cached: false });
  });

  it('reads task records from task.updated events', () => {
    const record: TaskRecord = {
      taskId: 't',
      runId: 'r',
      name: 'for-loop-2',
      displayName: 'for-loop-2',
      kind: 'iteration',
      iterationIndex: 0,
      parentTaskId: 'p',
      state: 'SUCCEEDED',
      cached: false,
      attempts: 1,
      inputs: { parameters: {}, artifacts: {} },
      outputs: { parameters: {}, artifacts: {} },
      createdAt: 'c',
      startedAt: 's',
      finishedAt: 'f',
    };
    expect(graphTaskFromRecord(record)).toEqual({
      taskId: 't',
      parentTaskId: 'p',
      name: 'for-loop-2',
      displayName: 'for-loop-2',
      kind: 'iteration',
      iterationIndex: 0,
      state: 'SUCCEEDED',
      cached: false,
      startedAt: 's',
      finishedAt: 'f',
    });
  });
});
