import type { ProtoValue } from '../ir/pipeline-spec.js';
import type { Channel, LoopItemChannel } from './channel.js';
import type { Condition } from './condition.js';
import type { PipelineTask } from './pipeline-task.js';

/**
 * A control-flow group (KFP's `TasksGroup`): the pipeline root, a condition, the wrapper
 * around if/elif/else branches, a loop or an exit handler. Each non-root group compiles to
 * a sub-DAG component named after it (`comp-condition-2`, `comp-for-loop-3`, …).
 */

export interface LoopSpec {
  readonly item: LoopItemChannel;
  /** A literal list (`raw`) or a LIST channel to iterate over. */
  readonly source: { readonly raw: readonly ProtoValue[] } | { readonly channel: Channel };
  /** 0 means unlimited. */
  readonly parallelism: number;
}

export type GroupDetail =
  | { readonly kind: 'pipeline' }
  | {
      readonly kind: 'condition';
      /** The whole trigger condition, negated earlier branches included. */
      readonly condition: Condition;
      /** What the next elif/else must add: `!(this) && !(earlier...)`. */
      readonly negatedUpstream: readonly Condition[];
    }
  | { readonly kind: 'condition-branches' }
  | { readonly kind: 'for-loop'; readonly loop: LoopSpec }
  | { readonly kind: 'exit-handler'; readonly exitTask: PipelineTask };

export type GroupKind = GroupDetail['kind'];

export class TaskGroup {
  readonly groups: TaskGroup[] = [];
  readonly tasks: PipelineTask[] = [];
  parent: TaskGroup | undefined;

  constructor(
    /** `condition-3`; mutable only because elif swaps ids with the branches wrapper, as KFP does. */
    public name: string,
    public detail: GroupDetail,
    readonly displayName?: string,
  ) {}

  get kind(): GroupKind {
    return this.detail.kind;
  }

  /** The id suffix of `condition-3`. */
  get id(): number {
    return Number(this.name.slice(this.name.lastIndexOf('-') + 1));
  }
}

/** The reserved name of the root group; never a valid task name, so paths can't collide. */
export const ROOT_GROUP_NAME = '(root)';
