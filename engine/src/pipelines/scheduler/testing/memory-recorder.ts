/** A RunRecorder that keeps everything in memory, for scheduler tests. */
import type { ArtifactRef, RunRecorder, RuntimeState, TaskRecord } from '../run-model.js';

export interface ProducedArtifact extends ArtifactRef {
  runId: string;
  producerTaskId: string;
  outputKey: string;
  sizeBytes?: number;
}

export class InMemoryRecorder implements RunRecorder {
  readonly tasks = new Map<string, TaskRecord>();
  /** Every state a task went through, in order (creation included). */
  readonly stateHistory = new Map<string, RuntimeState[]>();
  readonly logs: { taskId: string; line: string; stream: 'stdout' | 'stderr' }[] = [];
  readonly produced: ProducedArtifact[] = [];
  readonly consumed: { artifactId: string; taskId: string; inputKey: string }[] = [];

  taskCreated(task: TaskRecord): void {
    if (this.tasks.has(task.taskId)) throw new Error(`Task ${task.taskId} was created twice.`);
    this.#save(task);
  }

  taskUpdated(task: TaskRecord): void {
    if (!this.tasks.has(task.taskId))
      throw new Error(`Task ${task.taskId} was updated before it was created.`);
    this.#save(task);
  }

  taskLog(taskId: string, line: string, stream: 'stdout' | 'stderr'): void {
    this.logs.push({ taskId, line, stream });
  }

  artifactProduced(artifact: ProducedArtifact): void {
    this.produced.push(artifact);
  }

  artifactConsumed(artifactId: string, taskId: string, inputKey: string): void {
    this.consumed.push({ artifactId, taskId, inputKey });
  }

  all(): TaskRecord[] {
    return [...this.tasks.values()];
  }

  /** Tasks with this key (several for tasks inside a loop), in creation order. */
  named(name: string): TaskRecord[] {
    return this.all().filter((task) => task.name === name && task.kind !== 'iteration');
  }

  /** The one task with this key; throws when there is none or more than one. */
  one(name: string): TaskRecord {
    const found = this.named(name);
    if (found.length !== 1) throw new Error(`Expected one task "${name}", found ${found.length}.`);
    return found[0] as TaskRecord;
  }

  /** The task at a path of keys from the root, e.g. `['exit-handler-1', 'fail-op']`. */
  at(...path: string[]): TaskRecord {
    let parent: string | undefined;
    let found: TaskRecord | undefined;
    for (const segment of path) {
      const iteration = /^iteration-(\d+)$/.exec(segment);
      found = this.all().find(
        (task) =>
          task.parentTaskId === parent &&
          (iteration
            ? task.kind === 'iteration' && task.iterationIndex === Number(iteration[1])
            : task.name === segment && task.kind !== 'iteration'),
      );
      if (found === undefined)
        throw new Error(`No task at ${path.join('/')} (stopped at "${segment}").`);
      parent = found.taskId;
    }
    if (found === undefined) throw new Error('An empty path names no task.');
    return found;
  }

  children(taskId: string): TaskRecord[] {
    return this.all().filter((task) => task.parentTaskId === taskId);
  }

  logsOf(taskId: string): string[] {
    return this.logs.filter((entry) => entry.taskId === taskId).map((entry) => entry.line);
  }

  #save(task: TaskRecord): void {
    this.tasks.set(task.taskId, structuredClone(task));
    const history = this.stateHistory.get(task.taskId) ?? [];
    if (history.at(-1) !== task.state) history.push(task.state);
    this.stateHistory.set(task.taskId, history);
  }
}
