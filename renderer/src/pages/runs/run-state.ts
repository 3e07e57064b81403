import type { Tone } from '../../components/tone';

/** The tone and words of a KFP runtime state, for pills in tables and headers. */
export function runStateTone(state: string): Tone {
  switch (state) {
    case 'SUCCEEDED':
      return 'ok';
    case 'FAILED':
      return 'danger';
    case 'RUNNING':
    case 'PENDING':
      return 'accent';
    case 'CANCELING':
    case 'CANCELED':
    case 'PAUSED':
      return 'warn';
    default:
      return 'neutral';
  }
}

export function runStateLabel(state: string): string {
  if (!state || state === 'RUNTIME_STATE_UNSPECIFIED') return 'Unknown';
  if (state === 'SKIPPED') return 'Skipped';
  return state.charAt(0) + state.slice(1).toLowerCase();
}

export function isFinished(state: string): boolean {
  return ['SUCCEEDED', 'FAILED', 'CANCELED', 'SKIPPED'].includes(state);
}

/** "4.2 s", "3 min 5 s", "1 h 2 min" between two moments; '' without a start. */
export function formatDuration(startIso?: string, endIso?: string, now = Date.now()): string {
  if (!startIso) return '';
  const start = Date.parse(startIso);
  const end = endIso ? Date.parse(endIso) : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return '';
  const ms = Math.max(0, end - start);
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Which run actions make sense now; the engine refuses the others anyway. */
export interface RunActionSet {
  terminate: boolean;
  retry: boolean;
  /** The engine deletes only finished runs (terminate first). */
  delete: boolean;
  archive: boolean;
  restore: boolean;
}

export function availableActions(state: string, storageState?: string): RunActionSet {
  const finished = isFinished(state);
  const archived = storageState === 'ARCHIVED';
  return {
    terminate: !finished && state !== 'CANCELING',
    retry: state === 'FAILED' || state === 'CANCELED',
    delete: finished,
    archive: !archived,
    restore: archived,
  };
}
