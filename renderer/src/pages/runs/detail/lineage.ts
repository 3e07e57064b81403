import type { ArtifactTaskLink } from '@skiff/engine/api-contract';

/** The run page opened on one task: lineage links land on the task that made or read it. */
export function taskHref(link: Pick<ArtifactTaskLink, 'runId' | 'taskId'>): string {
  return `/runs/${encodeURIComponent(link.runId)}?task=${encodeURIComponent(link.taskId)}`;
}

/** The task id in a `?task=` query, or null. */
export function taskFromSearch(search: string): string | null {
  const value = new URLSearchParams(search).get('task');
  return value ? value : null;
}

/** "train" within this run, "train (run 3f2a…)" when the task belongs to another run. */
export function linkLabel(link: ArtifactTaskLink, currentRunId: string): string {
  return link.runId === currentRunId
    ? link.taskName
    : `${link.taskName} (run ${link.runId.slice(0, 8)})`;
}
