import { SkiffError } from '../../../core/errors.js';
import type { Channel } from '../channel.js';
import { conditionChannels } from '../condition.js';
import type { PipelineBuilder } from '../pipeline-builder.js';
import type { PipelineTask } from '../pipeline-task.js';
import type { TaskGroup } from '../task-group.js';

/**
 * The shape of one pipeline's graph as the KFP compiler sees it: every group and task with
 * its chain of ancestors (`[root, condition-1, for-loop-2, train]`), so a value crossing
 * from one to another can be routed through the groups they don't share.
 */
export class PipelineGraph {
  /** Groups in KFP's order: parent first, depth first. */
  readonly groups: TaskGroup[] = [];
  /** Tasks inside groups, exit tasks excluded, in creation order. */
  readonly tasks: PipelineTask[];
  private readonly paths = new Map<string, readonly string[]>();
  private readonly groupsByName = new Map<string, TaskGroup>();
  private readonly conditionsAbove = new Map<PipelineTask, Channel[]>();

  constructor(readonly builder: PipelineBuilder) {
    this.visit(builder.root, [], []);
    this.tasks = builder.tasks.filter((task) => !task.isExitTask);
  }

  /** Ancestors of a task or group, root first and the node itself last. */
  pathOf(name: string): readonly string[] {
    const path = this.paths.get(name);
    if (path === undefined) throw new SkiffError('INTERNAL', `No task or group named "${name}".`);
    return path;
  }

  group(name: string): TaskGroup | undefined {
    return this.groupsByName.get(name);
  }

  /** Channels read by the conditions of every condition group around the task. */
  conditionChannelsOf(task: PipelineTask): readonly Channel[] {
    return this.conditionsAbove.get(task) ?? [];
  }

  /**
   * KFP's `_get_uncommon_ancestors`: the parts of both paths below their common prefix.
   * `[root, G1, G2, a]` and `[root, G1, G3, b]` give `[G2, a]` and `[G3, b]`.
   */
  uncommonAncestors(upstream: string, downstream: string): [string[], string[]] {
    const up = this.pathOf(upstream);
    const down = this.pathOf(downstream);
    let common = 0;
    while (common < up.length && common < down.length && up[common] === down[common]) common += 1;
    return [up.slice(common), down.slice(common)];
  }

  private visit(group: TaskGroup, ancestors: readonly string[], conditions: Channel[]): void {
    const path = [...ancestors, group.name];
    this.register(group.name, path);
    this.groups.push(group);
    this.groupsByName.set(group.name, group);
    const inner =
      group.detail.kind === 'condition'
        ? [...conditions, ...conditionChannels(group.detail.condition)]
        : conditions;
    for (const child of group.groups) this.visit(child, path, inner);
    for (const task of group.tasks) {
      this.register(task.name, [...path, task.name]);
      this.conditionsAbove.set(task, inner);
    }
  }

  private register(name: string, path: readonly string[]): void {
    if (this.paths.has(name)) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Pipeline "${this.builder.pipelineName}" has both a task and a group named "${name}". ` +
          'Rename the component so its task name differs from the control-flow groups.',
      );
    }
    this.paths.set(name, path);
  }
}

/** Channels a task reads through its arguments, in argument order. */
export function argumentChannels(task: PipelineTask): Channel[] {
  return [...task.args.values()].flatMap((arg) =>
    arg.kind === 'channel' ? [arg.channel] : arg.kind === 'format' ? [...arg.channels] : [],
  );
}
