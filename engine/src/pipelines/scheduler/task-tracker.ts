/**
 * Task records and their lifecycle: every change is a full TaskRecord sent to the
 * RunRecorder (taskCreated once, then taskUpdated), timestamps from the Clock.
 */
import type { Clock, IdGenerator } from '../../core/ports.js';
import type { RunRecorder, RuntimeState, TaskIo, TaskRecord } from './run-model.js';

export interface NewTask {
  name: string;
  displayName: string;
  kind: TaskRecord['kind'];
  parentTaskId?: string;
  iterationIndex?: number;
}

export type FinalState = 'SUCCEEDED' | 'FAILED' | 'SKIPPED' | 'CANCELED';

const LAST_LINES = 5;

export class TaskTracker {
  constructor(
    private readonly runId: string,
    private readonly recorder: RunRecorder,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  create(task: NewTask, state: RuntimeState = 'PENDING'): TrackedTask {
    const now = this.clock.now().toISOString();
    const record: TaskRecord = {
      taskId: this.ids.next(),
      runId: this.runId,
      name: task.name,
      displayName: task.displayName,
      kind: task.kind,
      state,
      cached: false,
      attempts: 0,
      inputs: emptyIo(),
      outputs: emptyIo(),
      createdAt: now,
    };
    if (task.parentTaskId !== undefined) record.parentTaskId = task.parentTaskId;
    if (task.iterationIndex !== undefined) record.iterationIndex = task.iterationIndex;
    if (isFinal(state)) record.finishedAt = now;
    this.recorder.taskCreated({ ...record });
    return new TrackedTask(record, this.recorder, this.clock);
  }
}

export class TrackedTask {
  readonly #lastLines: string[] = [];

  constructor(
    private current: TaskRecord,
    private readonly recorder: RunRecorder,
    private readonly clock: Clock,
  ) {}

  get record(): Readonly<TaskRecord> {
    return this.current;
  }

  get taskId(): string {
    return this.current.taskId;
  }

  /** The last few lines the task printed (not Skiff's own notes), for an error message. */
  get lastLines(): readonly string[] {
    return this.#lastLines;
  }

  update(changes: Partial<Omit<TaskRecord, 'taskId' | 'runId'>>): void {
    this.current = { ...this.current, ...changes };
    this.recorder.taskUpdated({ ...this.current });
  }

  start(): void {
    if (this.current.state === 'RUNNING') return;
    this.update({ state: 'RUNNING', startedAt: this.current.startedAt ?? this.#now() });
  }

  finish(
    state: FinalState,
    changes: Partial<Omit<TaskRecord, 'taskId' | 'runId' | 'state'>> = {},
  ): void {
    this.update({ ...changes, state, finishedAt: this.#now() });
  }

  log(line: string, stream: 'stdout' | 'stderr'): void {
    if (line.trim() !== '' && !line.startsWith('[skiff]')) {
      this.#lastLines.push(line);
      if (this.#lastLines.length > LAST_LINES) this.#lastLines.shift();
    }
    this.recorder.taskLog(this.current.taskId, line, stream);
  }

  /** A line from Skiff itself (retries, cache hits), marked so it stands out from the task's output. */
  note(message: string): void {
    this.recorder.taskLog(this.current.taskId, `[skiff] ${message}`, 'stderr');
  }

  #now(): string {
    return this.clock.now().toISOString();
  }
}

export function emptyIo(): TaskIo {
  return { parameters: {}, artifacts: {} };
}

function isFinal(state: RuntimeState): boolean {
  return state === 'SUCCEEDED' || state === 'FAILED' || state === 'SKIPPED' || state === 'CANCELED';
}
