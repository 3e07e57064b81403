import { SkiffError } from '../../core/errors.js';
import type { PipelineTask } from './pipeline-task.js';
import { ROOT_GROUP_NAME, TaskGroup, type GroupDetail } from './task-group.js';

/**
 * The graph a pipeline body builds while it runs: tasks, groups, and the counters KFP uses
 * to name them (`train-2`, `condition-3`). Calling a component outside a pipeline body is
 * an error, so the builder in use lives on a stack, one entry per pipeline being defined.
 */
export class PipelineBuilder {
  readonly root = new TaskGroup(ROOT_GROUP_NAME, { kind: 'pipeline' });
  /** Every task in creation order, exit tasks included. */
  readonly tasks: PipelineTask[] = [];
  private readonly stack: TaskGroup[] = [this.root];
  private lastGroupId = 0;

  constructor(readonly pipelineName: string) {}

  get currentGroup(): TaskGroup {
    const group = this.stack.at(-1);
    if (group === undefined) throw new SkiffError('INTERNAL', 'The pipeline group stack is empty.');
    return group;
  }

  /** Group ids count up per pipeline; a literal loop's item takes an id before its loop. */
  nextGroupId(): number {
    this.lastGroupId += 1;
    return this.lastGroupId;
  }

  /** `train`, then `train-2`, `train-3`: KFP's `make_name_unique_by_adding_index`. */
  uniqueTaskName(base: string): string {
    return uniqueName(
      base,
      this.tasks.map((task) => task.name),
    );
  }

  addTask(task: PipelineTask): void {
    this.tasks.push(task);
    this.currentGroup.tasks.push(task);
  }

  /** Opens a new group under the current one and runs `body` inside it. */
  openGroup(detail: GroupDetail, body: () => void, displayName?: string): TaskGroup {
    const group = new TaskGroup(`${detail.kind}-${this.nextGroupId()}`, detail, displayName);
    this.attach(group);
    this.runInside(group, body);
    return group;
  }

  /** Whether `group` is the current group or one around it. */
  isOpen(group: TaskGroup): boolean {
    for (let open: TaskGroup | undefined = this.currentGroup; open; open = open.parent) {
      if (open === group) return true;
    }
    return false;
  }

  attach(group: TaskGroup, parent: TaskGroup = this.currentGroup): void {
    group.parent = parent;
    parent.groups.push(group);
  }

  runInside(group: TaskGroup, body: () => void): void {
    this.stack.push(group);
    try {
      body();
    } finally {
      this.stack.pop();
    }
  }
}

export function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let index = 2; ; index += 1) {
    const candidate = `${base}-${index}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

/** KFP's `maybe_rename_for_k8s`: lower-case, runs of other characters become one dash. */
export function sanitizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^-0-9a-z]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const active: PipelineBuilder[] = [];

/** Runs a pipeline body with `builder` receiving the tasks it creates. */
export function withBuilder<T>(builder: PipelineBuilder, body: () => T): T {
  active.push(builder);
  try {
    return body();
  } finally {
    active.pop();
  }
}

/** The pipeline being defined; `what` names the call for the error message. */
export function activeBuilder(what: string): PipelineBuilder {
  const builder = active.at(-1);
  if (builder === undefined) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `${what} can only be called inside a pipeline body: pipeline({ name: … }, () => { … }).`,
    );
  }
  return builder;
}
