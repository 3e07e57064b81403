/**
 * What `skiff run watch` knows about one run, fed with the run as KFP answers it and then
 * with the engine's events. Pure: it says what changed; the view decides how to show it.
 */
import type { StreamedEvent } from './engine-client.js';
import type { KfpRun, KfpRuntimeState } from './kfp-types.js';
import { isTerminal, rowFromDetail, rowFromRecord, type TaskRow } from './run-table.js';

export type WatchChange =
  | { kind: 'task'; task: TaskRow; previous?: TaskRow }
  | { kind: 'run'; state: KfpRuntimeState; error?: string };

/** Run states after which nothing more happens. */
const FINAL_RUN_STATES: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED', 'CANCELED']);

export class RunWatchState {
  readonly runId: string;
  #state: KfpRuntimeState = 'PENDING';
  #error: string | undefined;
  readonly #tasks = new Map<string, TaskRow>();

  constructor(runId: string) {
    this.runId = runId;
  }

  get state(): KfpRuntimeState {
    return this.#state;
  }

  get error(): string | undefined {
    return this.#error;
  }

  /** A method, not a getter: the answer changes under the caller's feet. */
  isFinished(): boolean {
    return FINAL_RUN_STATES.has(this.#state);
  }

  get tasks(): TaskRow[] {
    return [...this.#tasks.values()];
  }

  /** The run as `GET /runs/{id}` answered it (first, and again at the end). */
  applyRun(run: KfpRun): WatchChange[] {
    const changes: WatchChange[] = [];
    for (const detail of run.run_details?.task_details ?? []) {
      const change = this.#upsert(rowFromDetail(detail), true);
      if (change) changes.push(change);
    }
    const runChange = this.#setRun(run.state ?? this.#state, run.error?.message);
    if (runChange) changes.push(runChange);
    return changes;
  }

  /** One event from `/api/v1/events`; events of other runs change nothing. */
  applyEvent(event: StreamedEvent): WatchChange[] {
    if (event.type === 'task.updated' && event.data.runId === this.runId) {
      const change = this.#upsert(rowFromRecord(event.data), false);
      return change ? [change] : [];
    }
    if (event.type === 'run.updated' && event.data.runId === this.runId) {
      const change = this.#setRun(event.data.state, event.data.error?.message);
      return change ? [change] : [];
    }
    return [];
  }

  #setRun(state: KfpRuntimeState, error: string | undefined): WatchChange | undefined {
    if (this.isFinished() && !FINAL_RUN_STATES.has(state)) {
      // A late, older event; only a retry (back to PENDING) reopens a run, with new tasks.
      if (state !== 'PENDING') return undefined;
      this.#tasks.clear();
    }
    const changed = state !== this.#state || (error !== undefined && error !== this.#error);
    this.#state = state;
    if (error !== undefined) this.#error = error;
    else if (!FINAL_RUN_STATES.has(state)) this.#error = undefined;
    return changed
      ? { kind: 'run', state, ...(this.#error !== undefined ? { error: this.#error } : {}) }
      : undefined;
  }

  #upsert(next: TaskRow, fromSnapshot: boolean): WatchChange | undefined {
    const previous = this.#tasks.get(next.taskId);
    if (previous === undefined) {
      this.#tasks.set(next.taskId, next);
      return { kind: 'task', task: next };
    }
    // Events fill in what a KFP snapshot lacks (kind, cached) and vice versa.
    const merged: TaskRow = {
      ...previous,
      ...next,
      kind: next.kind ?? previous.kind,
      cached: next.cached || (fromSnapshot && previous.cached),
    };
    if (isStale(previous, merged)) return undefined;
    this.#tasks.set(next.taskId, merged);
    const visible = merged.state !== previous.state || merged.cached !== previous.cached;
    return visible ? { kind: 'task', task: merged, previous } : undefined;
  }
}

/**
 * A task moving backwards (finished → running → pending) is an older event read after a
 * newer snapshot, unless it is a new attempt.
 */
function isStale(previous: TaskRow, next: TaskRow): boolean {
  if (rank(next.state) >= rank(previous.state)) return false;
  return (next.attempts ?? 0) <= (previous.attempts ?? 0);
}

function rank(state: string): number {
  if (isTerminal(state)) return 2;
  return state === 'PENDING' || state === 'RUNTIME_STATE_UNSPECIFIED' ? 0 : 1;
}
