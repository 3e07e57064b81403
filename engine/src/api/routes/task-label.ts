import type { TaskRecord } from '../../pipelines/scheduler/run-model.js';
import type { ArtifactTaskLink } from '../contract.js';

export type TaskLookup = (taskId: string) => TaskRecord | undefined;

/**
 * The name a person knows a task by: its display name, plus the loop iteration it ran
 * in (`train #2`; nested loops read outer to inner, `train #0.2`). Tasks inside a loop
 * carry no index themselves: their `iteration` ancestor does.
 */
export function taskLabel(task: TaskRecord, lookup: TaskLookup): string {
  const indices: number[] = [];
  const seen = new Set<string>();
  for (let at: TaskRecord | undefined = task; at && !seen.has(at.taskId);) {
    seen.add(at.taskId);
    if (at.iterationIndex !== undefined) indices.unshift(at.iterationIndex);
    at = at.parentTaskId === undefined ? undefined : lookup(at.parentTaskId);
  }
  return indices.length === 0 ? task.displayName : `${task.displayName} #${indices.join('.')}`;
}

export function taskLink(task: TaskRecord, lookup: TaskLookup): ArtifactTaskLink {
  return { runId: task.runId, taskId: task.taskId, taskName: taskLabel(task, lookup) };
}

/** A lookup that asks each id once (a request walks the same parents many times). */
export function memoLookup(lookup: TaskLookup): TaskLookup {
  const known = new Map<string, TaskRecord | undefined>();
  return (taskId) => {
    if (!known.has(taskId)) known.set(taskId, lookup(taskId));
    return known.get(taskId);
  };
}
