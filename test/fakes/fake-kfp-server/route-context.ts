/** What each route handler of the fake receives, and how routes are keyed. */
import type { Caller } from './caller-access.js';
import type { FakeState } from './fake-state.js';
import type { JsonObject } from './json-object.js';

export interface Upload {
  filename: string;
  content: Buffer;
}

export interface RouteContext {
  state: FakeState;
  caller: Caller;
  /** Path parameters by their swagger names, e.g. `run_id`. */
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  upload?: Upload;
}

/** Keyed `"<METHOD> <swagger template>"`, e.g. `"GET /apis/v2beta1/runs/{run_id}"`. */
export type Routes = Record<string, (context: RouteContext) => JsonObject>;

export const API = '/apis/v2beta1';
