import type { Operation } from '@skiff/engine/api-contract';

/**
 * Puts an operation into the list, replacing the one with the same id unless the list
 * already holds a newer update (events and a list reload can cross on the wire).
 */
export function upsertOperation(list: readonly Operation[], next: Operation): Operation[] {
  const index = list.findIndex((op) => op.id === next.id);
  if (index === -1) return [...list, next];
  const existing = list[index];
  if (existing && Date.parse(existing.updatedAt) > Date.parse(next.updatedAt)) return [...list];
  return list.map((op, i) => (i === index ? next : op));
}

/** Running operations, oldest first: the order they were started in. */
export function runningOperations(list: readonly Operation[]): Operation[] {
  return list
    .filter((op) => op.state === 'RUNNING')
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** Finished operations, most recent first, at most `limit` of them. */
export function recentlyFinished(list: readonly Operation[], limit = 5): Operation[] {
  const finishedTime = (op: Operation) => Date.parse(op.finishedAt ?? op.updatedAt);
  return list
    .filter((op) => op.state !== 'RUNNING')
    .sort((a, b) => finishedTime(b) - finishedTime(a))
    .slice(0, limit);
}

/** Progress as a fraction in [0, 1], or null when the total is not known yet. */
export function progressFraction(op: Operation): number | null {
  const { current, total } = op.progress;
  if (!Number.isFinite(total) || total <= 0) return null;
  return Math.min(1, Math.max(0, current / total));
}
