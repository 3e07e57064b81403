/**
 * What the fake KFP server holds in memory, and the options a test starts it with.
 * Records are stored in the JSON shape the API answers (snake_case), so routes can
 * return them without mapping.
 */
import type { JsonObject } from './json-object.js';

export type RunState = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED' | 'SKIPPED';

/** How runs advance: by a short script of delays, or only when the test says so. */
export type RunTimeline = { pendingMs: number; runningMs: number; outcome: RunState } | 'manual';

export interface FakeKfpOptions {
  /** Answer healthz `multi_user: true` and enforce namespaces on lists and creates. */
  multiUser?: boolean;
  /**
   * Bearer tokens the server accepts, each with the namespace its user may reach. Set, an
   * absent or unknown token is 401; a known token asking for another namespace is 403.
   */
  tokens?: Record<string, string>;
  runTimeline?: RunTimeline;
}

export interface RunRecord {
  body: JsonObject;
  namespace: string;
  createdMs: number;
  /** Set by terminate or by the test; wins over the timeline. */
  forcedState?: RunState;
  forcedAtMs?: number;
}

export interface FakeState {
  options: FakeKfpOptions;
  pipelines: Map<string, JsonObject>;
  versions: Map<string, JsonObject>;
  experiments: Map<string, JsonObject>;
  runs: Map<string, RunRecord>;
  recurringRuns: Map<string, JsonObject>;
  now: () => number;
}

export const DEFAULT_TIMELINE: RunTimeline = {
  pendingMs: 150,
  runningMs: 350,
  outcome: 'SUCCEEDED',
};

export function newState(options: FakeKfpOptions): FakeState {
  return {
    options,
    pipelines: new Map(),
    versions: new Map(),
    experiments: new Map(),
    runs: new Map(),
    recurringRuns: new Map(),
    now: () => Date.now(),
  };
}

export const timestamp = (ms: number): string => new Date(ms).toISOString();
