import type { RunStateChange } from '@skiff/engine/api-contract';
import type { KfpRunRow } from '../../../api/kfp-runs';
import type { RunListQuery } from './run-query';

/**
 * Applies a `run.updated` event to the rows on screen. Returns false when the run is not
 * on this page (a new run, or one on another page).
 */
export function applyRunChange(rows: KfpRunRow[], change: RunStateChange): boolean {
  const row = rows.find((r) => r.run_id === change.runId);
  if (!row) return false;
  row.state = change.state;
  if (change.finishedAt) row.finished_at = change.finishedAt;
  if (change.error) row.error = { code: 0, message: change.error.message };
  return true;
}

/** A run not on the page belongs on it only when this is the first page of newest-first runs. */
export function newRunsAppearHere(query: RunListQuery, pageIndex: number): boolean {
  return pageIndex === 0 && !query.archived && query.sortKey === 'created_at' && query.descending;
}
