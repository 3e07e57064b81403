/** Words, glyphs and summaries for task states, shared by nodes, groups and their names. */

export type StatusTone = 'ok' | 'danger' | 'running' | 'pending' | 'warn' | 'skipped' | 'none';

export function stateTone(state: string | undefined): StatusTone {
  switch (state) {
    case 'SUCCEEDED':
      return 'ok';
    case 'FAILED':
      return 'danger';
    case 'RUNNING':
    case 'CANCELING':
      return 'running';
    case 'PENDING':
      return 'pending';
    case 'CANCELED':
    case 'PAUSED':
      return 'warn';
    case 'SKIPPED':
      return 'skipped';
    default:
      return 'none';
  }
}

/** A shape per state, so the state reads without colour. */
export const STATE_GLYPH: Record<StatusTone, string> = {
  ok: '✓',
  danger: '✕',
  running: '◐',
  pending: '○',
  warn: '■',
  skipped: '⊘',
  none: '',
};

export function stateLabel(state: string | undefined): string {
  if (!state || state === 'RUNTIME_STATE_UNSPECIFIED') return 'Not started';
  return state.charAt(0) + state.slice(1).toLowerCase();
}

/** "12 s", "3 min 5 s", "1 h 2 min"; '' without a start. Running tasks count to `now`. */
export function durationText(startIso?: string, endIso?: string, now = Date.now()): string {
  if (!startIso) return '';
  const start = Date.parse(startIso);
  const end = endIso ? Date.parse(endIso) : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return '';
  const s = Math.max(0, Math.round((end - start) / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

// Most urgent first: what a collapsed group should say before anything else.
const ORDER = ['FAILED', 'RUNNING', 'CANCELING', 'PENDING', 'CANCELED', 'SUCCEEDED', 'SKIPPED'];

/** "4 succeeded · 1 running" from states; unknown states count as "not started". */
export function stateSummary(states: readonly (string | undefined)[]): string {
  const counts = new Map<string, number>();
  for (const state of states) {
    const key = state && ORDER.includes(state) ? state : 'NOT_STARTED';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...ORDER, 'NOT_STARTED']
    .filter((state) => counts.has(state))
    .map((state) => `${counts.get(state) ?? 0} ${state.replace('_', ' ').toLowerCase()}`)
    .join(' · ');
}

/** The state a group shows: failed wins, then running, then pending, else the common end. */
export function groupState(states: readonly (string | undefined)[]): string | undefined {
  if (states.length === 0 || states.every((s) => s === undefined)) return undefined;
  for (const state of ORDER) if (states.includes(state)) return state;
  return undefined;
}
