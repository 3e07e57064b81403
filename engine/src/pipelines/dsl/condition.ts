import type { Channel } from './channel.js';

/**
 * A condition over run-time values, built with `t.outputs.accuracy.gt(0.9)`, combined with
 * `.and(...)` and `.not()`. The compiler renders it as KFP's CEL string
 * (`inputs.parameter_values['pipelinechannel--train-accuracy'] > 0.9`).
 */

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Operand =
  | { readonly kind: 'channel'; readonly channel: Channel }
  | { readonly kind: 'literal'; readonly value: string | number | boolean };

export type ConditionNode =
  | {
      readonly kind: 'compare';
      readonly operator: ComparisonOperator;
      readonly left: Operand;
      readonly right: Operand;
    }
  | { readonly kind: 'and'; readonly conditions: readonly Condition[] }
  | { readonly kind: 'not'; readonly condition: Condition };

export class Condition {
  constructor(readonly node: ConditionNode) {}

  /** Both must hold (CEL `&&`). */
  and(...others: Condition[]): Condition {
    return new Condition({ kind: 'and', conditions: [this, ...others] });
  }

  /** The negation (CEL `!(...)`), as KFP writes the branches after an if. */
  not(): Condition {
    return new Condition({ kind: 'not', condition: this });
  }
}

/** Every channel the condition reads, in order of appearance. */
export function conditionChannels(condition: Condition): Channel[] {
  const node = condition.node;
  switch (node.kind) {
    case 'compare':
      return [node.left, node.right].flatMap((operand) =>
        operand.kind === 'channel' ? [operand.channel] : [],
      );
    case 'and':
      return node.conditions.flatMap(conditionChannels);
    case 'not':
      return conditionChannels(node.condition);
  }
}
