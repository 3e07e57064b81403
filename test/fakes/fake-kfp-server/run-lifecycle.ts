/**
 * A run's state at a moment: forced (terminated, or set by the test) wins; otherwise the
 * scripted timeline moves PENDING → RUNNING → outcome, or a manual timeline stays PENDING.
 * Computed on read, so the fake needs no timers that could outlive a test.
 */
import {
  DEFAULT_TIMELINE,
  timestamp,
  type RunRecord,
  type RunState,
  type RunTimeline,
} from './fake-state.js';
import type { JsonObject } from './json-object.js';

const FINAL: readonly RunState[] = ['SUCCEEDED', 'FAILED', 'CANCELED', 'SKIPPED'];

export const isFinal = (state: RunState): boolean => FINAL.includes(state);

interface Change {
  state: RunState;
  atMs: number;
}

function history(run: RunRecord, timeline: RunTimeline, nowMs: number): Change[] {
  const changes: Change[] = [{ state: 'PENDING', atMs: run.createdMs }];
  if (timeline !== 'manual') {
    const runningAt = run.createdMs + timeline.pendingMs;
    const endAt = runningAt + timeline.runningMs;
    const limit = run.forcedAtMs ?? nowMs;
    if (limit >= runningAt) changes.push({ state: 'RUNNING', atMs: runningAt });
    if (limit >= endAt) changes.push({ state: timeline.outcome, atMs: endAt });
  }
  const last = changes[changes.length - 1];
  if (run.forcedState && run.forcedAtMs !== undefined && !(last && isFinal(last.state))) {
    changes.push({ state: run.forcedState, atMs: run.forcedAtMs });
  }
  return changes;
}

export function currentState(
  run: RunRecord,
  timeline: RunTimeline | undefined,
  nowMs: number,
): RunState {
  const changes = history(run, timeline ?? DEFAULT_TIMELINE, nowMs);
  return changes[changes.length - 1]?.state ?? 'PENDING';
}

/** The run as the API answers it at `nowMs`: state, state_history and finished_at. */
export function runView(
  run: RunRecord,
  timeline: RunTimeline | undefined,
  nowMs: number,
): JsonObject {
  const changes = history(run, timeline ?? DEFAULT_TIMELINE, nowMs);
  const last = changes[changes.length - 1] ?? { state: 'PENDING', atMs: run.createdMs };
  return {
    ...run.body,
    state: last.state,
    state_history: changes.map((c) => ({ update_time: timestamp(c.atMs), state: c.state })),
    ...(isFinal(last.state) ? { finished_at: timestamp(last.atMs) } : {}),
    ...(last.state === 'FAILED' ? { error: { code: 2, message: 'the scripted run failed' } } : {}),
  };
}
