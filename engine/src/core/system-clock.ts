import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock, IdGenerator } from './ports.js';

/** The real clock: wall time and timers. */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: async (ms, signal) => {
    await delay(ms, undefined, signal ? { signal } : undefined);
  },
};

/** Real ids: UUID v4, and hex secrets from the OS's random source. */
export const randomIds: IdGenerator = {
  next: () => randomUUID(),
  secret: (bytes) => randomBytes(bytes).toString('hex'),
};
