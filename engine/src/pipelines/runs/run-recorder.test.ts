import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase } from '../../store/database.js';
import { createEventLogRepository } from '../../store/event-log-repository.js';
import { FakeClock } from '../../testing/fake-ports.js';
import type { TaskRecord } from '../scheduler/run-model.js';
import { ArtifactRepository } from './artifact-repository.js';
import { createRunRecorder } from './run-recorder.js';
import { TaskRepository } from './task-repository.js';

function setup() {
  const db = openDatabase(':memory:');
  db.prepare(
    "INSERT INTO runs (run_id, display_name, pipeline_spec, created_at) VALUES ('run', 'r', '{}', 'now')",
  ).run();
  const events = new EventBus(createEventLogRepository(db), new FakeClock());
  const tasks = new TaskRepository(db);
  const recorder = createRunRecorder({
    runId: 'run',
    tasks,
    artifacts: new ArtifactRepository(db),
    events,
    logsDir: mkdtempSync(join(tmpdir(), 'skiff-recorder-')),
    now: () => new Date(),
    transaction: (work) => db.transaction(work)(),
  });
  return { recorder, tasks, events };
}

const task = (taskId: string, changes: Partial<TaskRecord> = {}): TaskRecord => ({
  taskId,
  runId: 'run',
  name: taskId,
  displayName: taskId,
  kind: 'container',
  state: 'PENDING',
  cached: false,
  attempts: 0,
  inputs: { parameters: {}, artifacts: {} },
  outputs: { parameters: {}, artifacts: {} },
  createdAt: 'now',
  ...changes,
});

describe('createRunRecorder', () => {
  it('writes the latest state of each task once per flush, with one event each', () => {
    const { recorder, tasks, events } = setup();
    const seen: string[] = [];
    events.subscribe(
      (e) => e.type === 'task.updated' && seen.push(`${e.data.taskId}:${e.data.state}`),
    );
    recorder.taskCreated(task('a'));
    recorder.taskUpdated(task('a', { state: 'RUNNING' }));
    recorder.taskUpdated(task('a', { state: 'SUCCEEDED' }));
    expect(tasks.listByRun('run')).toEqual([]);
    recorder.flush();
    expect(seen).toEqual(['a:SUCCEEDED']);
    expect(tasks.get('a')?.state).toBe('SUCCEEDED');
  });

  it('writes a parent before its children even when the parent changed last', () => {
    const { recorder, tasks } = setup();
    recorder.taskCreated(task('dag', { kind: 'dag' }));
    recorder.taskCreated(task('child', { parentTaskId: 'dag' }));
    recorder.taskUpdated(task('dag', { kind: 'dag', state: 'RUNNING' }));
    expect(() => recorder.flush()).not.toThrow();
    expect(tasks.listByRun('run').map((t) => t.taskId)).toEqual(['dag', 'child']);
  });

  it('keeps what it was given, not later mutations of the same object', () => {
    const { recorder, tasks } = setup();
    const record = task('a');
    recorder.taskCreated(record);
    record.state = 'FAILED';
    recorder.flush();
    expect(tasks.get('a')?.state).toBe('PENDING');
  });
});
