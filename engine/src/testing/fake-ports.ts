/** Small fakes of the engine's ports for unit tests (no sleeps, predictable ids). */
import type { Clock, IdGenerator } from '../core/ports.js';

export class FakeClock implements Clock {
  constructor(private current = new Date('2026-01-01T00:00:00Z')) {}

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.advance(ms);
    return Promise.resolve();
  }
}

export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return {
    next: () => `${prefix}-${++n}`,
    secret: (bytes) => `${++n}`.padStart(bytes * 2, '0'),
  };
}
