import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../pipelines/scheduler/run-model.js';
import type { StreamedEvent } from './engine-client.js';
import { RunWatchState } from './run-watch-state.js';

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

const taskEvent = (overrides: Partial<TaskRecord> & { taskId: string }): StreamedEvent => ({
  type: 'task.updated',
  data: task(overrides),
});

describe('RunWatchState', () => {
  it('starts from the run as KFP answers it', () => {
    const state = new RunWatchState('r1');
    const changes = state.applyRun({
      run_id: 'r1',
      state: 'RUNNING',
      run_details: { task_details: [{ task_id: 'a', display_name: 'print', state: 'RUNNING' }] },
    });
    expect(changes).toEqual([
      { kind: 'task', task: expect.objectContaining({ taskId: 'a', state: 'RUNNING' }) as unknown },
      { kind: 'run', state: 'RUNNING' },
    ]);
    expect(state.isFinished()).toBe(false);
  });

  it('follows its tasks to the end of the run and ignores other runs', () => {
    const state = new RunWatchState('r1');
    state.applyRun({ run_id: 'r1', state: 'PENDING' });
    expect(state.applyEvent(taskEvent({ taskId: 'x', runId: 'other', state: 'RUNNING' }))).toEqual(
      [],
    );
    expect(
      state.applyEvent({ type: 'run.updated', data: { runId: 'other', state: 'FAILED' } }),
    ).toEqual([]);

    expect(
      state.applyEvent({ type: 'run.updated', data: { runId: 'r1', state: 'RUNNING' } }),
    ).toEqual([{ kind: 'run', state: 'RUNNING' }]);
    expect(state.applyEvent(taskEvent({ taskId: 'a', state: 'RUNNING' }))).toHaveLength(1);
    // Only state and cached changes are worth showing.
    expect(
      state.applyEvent(taskEvent({ taskId: 'a', state: 'RUNNING', containerId: '42' })),
    ).toEqual([]);
    const [done] = state.applyEvent(taskEvent({ taskId: 'a', state: 'SUCCEEDED', cached: true }));
    expect(done).toMatchObject({
      kind: 'task',
      task: { state: 'SUCCEEDED', cached: true },
      previous: { state: 'RUNNING' },
    });

    state.applyEvent({
      type: 'run.updated',
      data: { runId: 'r1', state: 'FAILED', error: { code: 'INTERNAL', message: 'task b failed' } },
    });
    expect(state.isFinished()).toBe(true);
    expect(state.state).toBe('FAILED');
    expect(state.error).toBe('task b failed');
  });

  it('does not let an older event move a task backwards', () => {
    const state = new RunWatchState('r1');
    state.applyRun({
      run_id: 'r1',
      state: 'RUNNING',
      run_details: { task_details: [{ task_id: 'a', display_name: 'a', state: 'SUCCEEDED' }] },
    });
    expect(state.applyEvent(taskEvent({ taskId: 'a', state: 'RUNNING' }))).toEqual([]);
    expect(state.tasks[0]?.state).toBe('SUCCEEDED');
    state.applyEvent(taskEvent({ taskId: 'c', state: 'RUNNING', attempts: 1 }));
    expect(state.applyEvent(taskEvent({ taskId: 'c', state: 'PENDING', attempts: 0 }))).toEqual([]);
    // …but a retry attempt does.
    state.applyEvent(taskEvent({ taskId: 'b', state: 'FAILED', attempts: 1 }));
    expect(
      state.applyEvent(taskEvent({ taskId: 'b', state: 'RUNNING', attempts: 2 })),
    ).toHaveLength(1);
  });

  it('keeps what events told (kind, cached) when the final KFP snapshot lacks it', () => {
    const state = new RunWatchState('r1');
    state.applyEvent(
      taskEvent({ taskId: 'a', kind: 'container', state: 'SUCCEEDED', cached: true }),
    );
    state.applyRun({
      run_id: 'r1',
      state: 'SUCCEEDED',
      run_details: { task_details: [{ task_id: 'a', display_name: 'a', state: 'SUCCEEDED' }] },
    });
    expect(state.tasks[0]).toMatchObject({ kind: 'container', cached: true });
    expect(state.isFinished()).toBe(true);
  });

  it('ignores a late RUNNING after the run ended, and starts afresh on a retry', () => {
    const state = new RunWatchState('r1');
    state.applyRun({ run_id: 'r1', state: 'CANCELED' });
    state.applyEvent(taskEvent({ taskId: 'a', state: 'CANCELED' }));
    expect(
      state.applyEvent({ type: 'run.updated', data: { runId: 'r1', state: 'RUNNING' } }),
    ).toEqual([]);
    expect(state.state).toBe('CANCELED');
    state.applyEvent({ type: 'run.updated', data: { runId: 'r1', state: 'PENDING' } });
    expect(state.isFinished()).toBe(false);
    expect(state.tasks).toEqual([]);
  });
});
