/** A TaskCache in a Map, for scheduler tests. */
import type { CachedExecution, TaskCache } from '../run-model.js';

export class InMemoryCache implements TaskCache {
  readonly entries = new Map<string, CachedExecution>();
  lookups = 0;

  lookup(fingerprint: string): CachedExecution | undefined {
    this.lookups++;
    const entry = this.entries.get(fingerprint);
    return entry === undefined ? undefined : structuredClone(entry);
  }

  store(entry: CachedExecution): void {
    this.entries.set(entry.fingerprint, structuredClone(entry));
  }
}
