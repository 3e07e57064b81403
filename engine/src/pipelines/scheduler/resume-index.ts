/**
 * Retry of a run: the leaf tasks (container, importer) that SUCCEEDED in the previous
 * attempt, found by their path in the DAG (task keys, with `iteration-<i>` for loop
 * iterations), so the new attempt reuses them instead of running them again.
 */
import type { TaskRecord } from './run-model.js';

export class ResumeIndex {
  readonly #byPath = new Map<string, TaskRecord>();

  constructor(previous: readonly TaskRecord[] = []) {
    const byId = new Map(previous.map((task) => [task.taskId, task]));
    for (const task of previous) {
      if (task.state !== 'SUCCEEDED' || (task.kind !== 'container' && task.kind !== 'importer'))
        continue;
      const path = pathOf(task, byId);
      if (path !== undefined) this.#byPath.set(key(path), task);
    }
  }

  get size(): number {
    return this.#byPath.size;
  }

  find(path: readonly string[]): TaskRecord | undefined {
    return this.#byPath.get(key(path));
  }
}

/** The segment a task adds to the path of the tasks under it. */
export function pathSegment(task: Pick<TaskRecord, 'kind' | 'name' | 'iterationIndex'>): string {
  return task.kind === 'iteration' ? `iteration-${task.iterationIndex ?? 0}` : task.name;
}

function pathOf(task: TaskRecord, byId: ReadonlyMap<string, TaskRecord>): string[] | undefined {
  const segments: string[] = [];
  const seen = new Set<string>();
  let current: TaskRecord | undefined = task;
  while (current !== undefined) {
    if (seen.has(current.taskId)) return undefined;
    seen.add(current.taskId);
    segments.unshift(pathSegment(current));
    if (current.parentTaskId === undefined) return segments;
    current = byId.get(current.parentTaskId);
  }
  // A parent is missing from the previous attempt: the path cannot be trusted.
  return undefined;
}

function key(path: readonly string[]): string {
  return JSON.stringify(path);
}
