import { describe, expect, it } from 'vitest';
import { parseDuration, retryPlan } from './retry-policy.js';

describe('retryPlan', () => {
  it('does not retry without a policy', () => {
    expect(retryPlan(undefined).maxRetries).toBe(0);
  });

  it('grows the backoff by the factor and caps it at the maximum', () => {
    const plan = retryPlan({
      maxRetryCount: 5,
      backoffDuration: '3s',
      backoffFactor: 2,
      backoffMaxDuration: '10s',
    });
    expect([1, 2, 3, 4].map((retry) => plan.delayMs(retry))).toEqual([3000, 6000, 10_000, 10_000]);
  });

  it('waits nothing with the compiler default of 0s', () => {
    const plan = retryPlan({
      maxRetryCount: 3,
      backoffDuration: '0s',
      backoffFactor: 2,
      backoffMaxDuration: '3600s',
    });
    expect(plan.maxRetries).toBe(3);
    expect(plan.delayMs(3)).toBe(0);
  });
});

describe('parseDuration', () => {
  it('reads protobuf durations and common units', () => {
    expect(parseDuration('0.5s')).toBe(500);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('2m')).toBe(120_000);
  });

  it('rejects text that is not a duration', () => {
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
  });
});
