/** Search and windowing for the log viewer: plain functions so 100k lines stay testable. */

/** Indices of the lines containing `query` (case-insensitive); none for an empty query. */
export function matchingLines(lines: readonly string[], query: string): number[] {
  if (query === '') return [];
  const needle = query.toLowerCase();
  const found: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] ?? '').toLowerCase().includes(needle)) found.push(i);
  }
  return found;
}

/** A line cut into plain and matching pieces, for <mark>. */
export function splitMatches(line: string, query: string): { text: string; match: boolean }[] {
  if (query === '') return [{ text: line, match: false }];
  const lower = line.toLowerCase();
  const needle = query.toLowerCase();
  const parts: { text: string; match: boolean }[] = [];
  let at = 0;
  for (let hit = lower.indexOf(needle); hit !== -1; hit = lower.indexOf(needle, at)) {
    if (hit > at) parts.push({ text: line.slice(at, hit), match: false });
    parts.push({ text: line.slice(hit, hit + needle.length), match: true });
    at = hit + needle.length;
  }
  if (at < line.length || parts.length === 0) parts.push({ text: line.slice(at), match: false });
  return parts;
}

/** The lines to render for a scroll position: only those in view plus a margin. */
export function visibleWindow(
  scrollTop: number,
  viewportHeight: number,
  lineHeight: number,
  total: number,
  overscan = 30,
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / lineHeight);
  const count = Math.ceil(viewportHeight / lineHeight);
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(total, first + count + overscan),
  };
}

/** The next (or previous) match after `current`, wrapping; -1 without matches. */
export function stepMatch(matchCount: number, current: number, direction: 1 | -1): number {
  if (matchCount === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : matchCount - 1;
  return (current + direction + matchCount) % matchCount;
}
