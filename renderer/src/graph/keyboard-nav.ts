/** Arrow-key moves between graph nodes: the nearest node whose centre lies that way. */
import type { Box } from './graph-layout';

export type Direction = 'up' | 'down' | 'left' | 'right';

const KEYS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

export function directionOf(key: string): Direction | undefined {
  return KEYS[key];
}

export function nearestInDirection<T extends Box & { id: string }>(
  items: readonly T[],
  fromId: string,
  direction: Direction,
): T | undefined {
  const from = items.find((item) => item.id === fromId);
  if (!from) return items[0];
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: T | undefined;
  let bestScore = Infinity;
  for (const item of items) {
    if (item.id === fromId) continue;
    const dx = item.x + item.width / 2 - cx;
    const dy = item.y + item.height / 2 - cy;
    const along =
      direction === 'up' ? -dy : direction === 'down' ? dy : direction === 'left' ? -dx : dx;
    const across = direction === 'up' || direction === 'down' ? Math.abs(dx) : Math.abs(dy);
    // Within a 45° cone, the closest along the axis wins; sideways drift costs double.
    if (along <= 0 || across > along * 1.5 + 1) continue;
    const score = along + across * 2;
    if (score < bestScore) {
      bestScore = score;
      best = item;
    }
  }
  return best;
}
