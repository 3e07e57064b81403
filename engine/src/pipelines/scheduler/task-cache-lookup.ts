/**
 * A cache hit is only usable while the outputs it points at exist: a run deleted since
 * then took its artifacts with it, and the task must run again. The check is on each
 * artifact's task folder, because metadata-only artifacts (Metrics written with
 * `log_metric`) never create a file of their own.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { CachedExecution, TaskCache } from './run-model.js';

export async function reusableCacheEntry(
  cache: TaskCache,
  fingerprint: string,
): Promise<CachedExecution | undefined> {
  const entry = cache.lookup(fingerprint);
  if (entry === undefined) return undefined;
  const uris = Object.values(entry.outputs.artifacts).flatMap((list) => list.map((a) => a.uri));
  const present = await Promise.all(
    uris.map(async (uri) => !path.isAbsolute(uri) || (await exists(path.dirname(uri)))),
  );
  return present.every(Boolean) ? entry : undefined;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
