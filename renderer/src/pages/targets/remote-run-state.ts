import type { RemoteRun } from '../../api/client';
import type { Tone } from '../../components/tone';

/** KFP run states after which nothing changes any more. */
const FINAL_STATES = new Set(['SUCCEEDED', 'FAILED', 'SKIPPED', 'CANCELED', 'CANCELLED']);

/** Polling stops once the run reached a final state or reports when it finished. */
export function isFinished(run: RemoteRun | undefined): boolean {
  if (!run) return false;
  if (run.state && FINAL_STATES.has(run.state.toUpperCase())) return true;
  return Boolean(run.finished_at) && !run.finished_at?.startsWith('1970-');
}

export function stateTone(state: string | undefined): Tone {
  switch ((state ?? '').toUpperCase()) {
    case 'SUCCEEDED':
      return 'ok';
    case 'FAILED':
      return 'danger';
    case 'RUNNING':
      return 'accent';
    case 'PENDING':
    case 'PAUSED':
    case 'CANCELING':
      return 'warn';
    default:
      return 'neutral';
  }
}

/** The error's message whether the target sent a google.rpc.Status or a plain string. */
export function runErrorMessage(run: RemoteRun): string | undefined {
  if (!run.error) return undefined;
  if (typeof run.error === 'string') return run.error || undefined;
  return run.error.message || undefined;
}

/** KFP writes an unset timestamp as the epoch; show it as not yet. */
export function remoteTime(value: string | undefined): string | undefined {
  if (!value || value.startsWith('1970-')) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

/**
 * Where "Open in Kubeflow" goes: the link the engine gave when the run started (kept in
 * the page's `?url=`), else the KFP UI's run page under the target's UI or API URL.
 */
export function remoteRunLink(
  search: string,
  runId: string,
  target?: { url: string; uiUrl?: string },
): string | undefined {
  const given = new URLSearchParams(search).get('url');
  if (given && /^https?:\/\//.test(given)) return given;
  if (!target) return undefined;
  const base = (target.uiUrl ?? target.url).replace(/\/+$/, '');
  return `${base}/#/runs/details/${encodeURIComponent(runId)}`;
}

/** The page of a run started on a target, carrying the engine's link to its remote UI. */
export function remoteRunHref(target: string, runId: string, url?: string): string {
  const path = `/targets/${encodeURIComponent(target)}/runs/${encodeURIComponent(runId)}`;
  return url ? `${path}?url=${encodeURIComponent(url)}` : path;
}
