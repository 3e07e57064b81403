import { SkiffError } from '../../core/errors.js';
import { checkReadable, describeChannel } from './channel.js';
import { Condition, type ConditionNode } from './condition.js';
import { activeBuilder, type PipelineBuilder } from './pipeline-builder.js';
import { TaskGroup } from './task-group.js';

/**
 * Conditional branches (KFP's `dsl.If` / `Elif` / `Else`):
 *
 *   when(t.outputs.accuracy.gt(0.9), () => deploy(...))
 *     .elif(t.outputs.accuracy.gt(0.5), () => review(...))
 *     .else(() => alert(...));
 *
 * Each branch is a `condition-N` sub-DAG. Once a chain has more than one branch, its
 * branches sit in a `condition-branches-N` wrapper and later ones trigger on
 * `!(earlier) && own`, exactly as the KFP compiler writes them.
 */
export function when(
  condition: Condition,
  body: () => void,
  options: { name?: string } = {},
): ConditionChain {
  const builder = activeBuilder('when()');
  checkCondition(builder, condition);
  const scope = builder.currentGroup;
  const group = builder.openGroup(
    { kind: 'condition', condition, negatedUpstream: [condition.not()] },
    body,
    options.name,
  );
  return new ConditionChain(builder, scope, group);
}

export class ConditionChain {
  private closed = false;

  constructor(
    private readonly builder: PipelineBuilder,
    private readonly scope: TaskGroup,
    private last: TaskGroup,
  ) {}

  /** Runs `body` when no earlier branch ran and `condition` holds. */
  elif(condition: Condition, body: () => void, options: { name?: string } = {}): this {
    checkCondition(this.builder, condition);
    const upstream = this.upstreamNegations('elif');
    this.addBranch(
      and([...upstream, condition]),
      [...upstream, condition.not()],
      body,
      options.name,
    );
    return this;
  }

  /** Runs `body` when no earlier branch ran. */
  else(body: () => void, options: { name?: string } = {}): void {
    const upstream = this.upstreamNegations('else');
    this.addBranch(and(upstream), upstream, body, options.name);
    this.closed = true;
  }

  private upstreamNegations(what: string): readonly Condition[] {
    if (this.closed) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `${what}() cannot follow else(): the chain is complete.`,
      );
    }
    if (this.last.detail.kind !== 'condition') {
      throw new SkiffError('INTERNAL', 'A condition chain lost its condition group.');
    }
    return this.last.detail.negatedUpstream;
  }

  private addBranch(
    condition: Condition,
    negatedUpstream: readonly Condition[],
    body: () => void,
    displayName: string | undefined,
  ): void {
    const wrapper = this.branchesWrapper();
    const group = new TaskGroup(
      `condition-${this.builder.nextGroupId()}`,
      { kind: 'condition', condition, negatedUpstream },
      displayName,
    );
    this.builder.attach(group, wrapper);
    this.builder.runInside(group, body);
    this.last = group;
  }

  /** The `condition-branches-N` group, created on the first elif/else with the if's id. */
  private branchesWrapper(): TaskGroup {
    const builder = this.builder;
    const lastInScope = this.scope.groups.at(-1);
    const parent = this.last.parent;
    const inWrapper = parent !== this.scope && parent !== undefined;
    const follows = inWrapper
      ? lastInScope === parent && parent.groups.at(-1) === this.last
      : lastInScope === this.last;
    if (builder.currentGroup !== this.scope || !follows) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        'elif()/else() must directly follow its when() (or elif()), in the same block, ' +
          'with no other loop or condition in between.',
      );
    }
    if (inWrapper) return parent;
    const wrapper = new TaskGroup(`condition-branches-${builder.nextGroupId()}`, {
      kind: 'condition-branches',
    });
    // KFP gives the wrapper the if's id and the if the new one.
    const [wrapperId, ifId] = [this.last.id, wrapper.id];
    wrapper.name = `condition-branches-${wrapperId}`;
    this.last.name = `condition-${ifId}`;
    this.scope.groups.pop();
    builder.attach(wrapper, this.scope);
    builder.attach(this.last, wrapper);
    return wrapper;
  }
}

function and(conditions: readonly Condition[]): Condition {
  const [only, ...rest] = conditions;
  if (only !== undefined && rest.length === 0) return only;
  return new Condition({ kind: 'and', conditions });
}

function checkCondition(builder: PipelineBuilder, condition: Condition): void {
  const visit = (node: ConditionNode): void => {
    if (node.kind === 'and') return node.conditions.forEach((c) => visit(c.node));
    if (node.kind === 'not') return visit(node.condition.node);
    const channels = [node.left, node.right].flatMap((o) =>
      o.kind === 'channel' ? [o.channel] : [],
    );
    if (channels.length === 0) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        'A condition must compare a pipeline input or a task output, not two constants.',
      );
    }
    for (const channel of channels) {
      checkReadable(builder, channel, 'The condition');
      const type = channel.type;
      if (
        type.io !== 'parameter' ||
        type.parameterType === 'LIST' ||
        type.parameterType === 'STRUCT'
      ) {
        throw new SkiffError(
          'INVALID_ARGUMENT',
          `A condition compares strings, numbers or booleans; ${describeChannel(channel)} is not one.`,
        );
      }
    }
  };
  visit(condition.node);
}
