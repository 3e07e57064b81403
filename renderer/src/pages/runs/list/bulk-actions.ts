import type { RunAction } from '../../../api/kfp-runs';

export interface BulkFailure {
  id: string;
  name: string;
  message: string;
}

export interface BulkResult {
  done: string[];
  failed: BulkFailure[];
}

export const ACTION_WORDS: Record<RunAction, { verb: string; past: string }> = {
  archive: { verb: 'Archive', past: 'Archived' },
  unarchive: { verb: 'Restore', past: 'Restored' },
  terminate: { verb: 'Terminate', past: 'Terminated' },
  delete: { verb: 'Delete', past: 'Deleted' },
};

/**
 * Applies one action to each run in turn (the engine is local; one at a time keeps the
 * per-run errors in order and the SQLite writer uncontended), collecting every failure.
 */
export async function runBulk(
  runs: readonly { id: string; name: string }[],
  apply: (id: string) => Promise<void>,
  describeError: (error: unknown) => string,
): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] };
  for (const run of runs) {
    try {
      await apply(run.id);
      result.done.push(run.id);
    } catch (error) {
      result.failed.push({ id: run.id, name: run.name, message: describeError(error) });
    }
  }
  return result;
}

/** The notice after a bulk action: how many worked, and each failure by run name. */
export function bulkSummary(
  action: RunAction,
  result: BulkResult,
): { kind: 'success' | 'error'; title?: string; message: string } {
  const { past } = ACTION_WORDS[action];
  const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;
  if (result.failed.length === 0)
    return { kind: 'success', message: `${past} ${runs(result.done.length)}.` };
  const details = result.failed.map((f) => `${f.name}: ${f.message}`).join(' ');
  return {
    kind: 'error',
    title: `${ACTION_WORDS[action].verb} failed for ${runs(result.failed.length)}${
      result.done.length ? ` (${past.toLowerCase()} ${runs(result.done.length)})` : ''
    }`,
    message: details,
  };
}

/** Compare takes 2 to 10 runs; the reason it is unavailable otherwise, or null. */
export function compareBlocker(count: number): string | null {
  if (count < 2) return 'Select at least 2 runs to compare.';
  if (count > 10) return 'Compare takes at most 10 runs.';
  return null;
}

export function compareHref(ids: readonly string[]): string {
  return `/compare?runs=${ids.map(encodeURIComponent).join(',')}`;
}
