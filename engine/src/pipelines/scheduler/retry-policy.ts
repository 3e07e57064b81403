/**
 * A task's `retryPolicy`: how many times a failed container runs again and how long to
 * wait before each retry (`backoffDuration * backoffFactor^(n-1)`, capped at
 * `backoffMaxDuration`, as Argo does for KFP).
 */
import { SkiffError } from '../../core/errors.js';
import type { PipelineTaskSpec } from '../ir/pipeline-spec.js';

export interface RetryPlan {
  maxRetries: number;
  /** Milliseconds to wait before retry number `retry` (1 for the first retry). */
  delayMs(retry: number): number;
}

const DEFAULT_FACTOR = 2;
const DEFAULT_MAX_MS = 3600_000;
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3600_000 };

export function retryPlan(policy: PipelineTaskSpec['retryPolicy']): RetryPlan {
  const maxRetries = Math.max(0, Math.trunc(policy?.maxRetryCount ?? 0));
  const baseMs = policy?.backoffDuration === undefined ? 0 : parseDuration(policy.backoffDuration);
  const factor = policy?.backoffFactor ?? DEFAULT_FACTOR;
  const maxMs =
    policy?.backoffMaxDuration === undefined
      ? DEFAULT_MAX_MS
      : parseDuration(policy.backoffMaxDuration);
  return {
    maxRetries,
    delayMs: (retry) => Math.min(baseMs * factor ** Math.max(0, retry - 1), maxMs),
  };
}

/** Parses a protobuf JSON Duration such as `3s` or `0.5s` (also `ms`, `m`, `h`) into ms. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/.exec(text);
  const amount = match?.[1];
  const unit = match?.[2];
  if (amount === undefined || unit === undefined) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `Retry duration "${text}" is not a duration such as "30s".`,
    );
  }
  return Number(amount) * (UNITS[unit] ?? 1000);
}
