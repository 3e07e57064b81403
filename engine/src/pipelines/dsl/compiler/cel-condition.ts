import { SkiffError } from '../../../core/errors.js';
import { channelFullName } from '../channel.js';
import type { Condition, Operand } from '../condition.js';

/**
 * Renders a condition as the CEL string KFP puts in `triggerPolicy.condition`
 * (`_single_binary_operation_to_cel_condition`): parameters read as
 * `inputs.parameter_values['pipelinechannel--<name>']`, integers wrapped in `int(...)`,
 * mixed operand types coerced the same way (string wins, then boolean, then double).
 */
export function renderCondition(condition: Condition): string {
  const node = condition.node;
  switch (node.kind) {
    case 'and':
      return node.conditions.map((c) => renderCondition(c)).join(' && ');
    case 'not':
      return `!(${renderCondition(node.condition)})`;
    case 'compare': {
      const operands = [node.left, node.right].map(typed);
      const types = new Set(operands.map((o) => o.type));
      const canonical: OperandType = types.has('STRING')
        ? 'STRING'
        : types.has('BOOLEAN')
          ? 'BOOLEAN'
          : types.has('NUMBER_DOUBLE')
            ? 'NUMBER_DOUBLE'
            : 'NUMBER_INTEGER';
      const [left, right] = operands.map((o) => coerce(o, canonical));
      return `${left} ${node.operator} ${right}`;
    }
  }
}

type OperandType = 'STRING' | 'BOOLEAN' | 'NUMBER_INTEGER' | 'NUMBER_DOUBLE';

interface TypedOperand {
  readonly text: string;
  readonly type: OperandType;
  readonly literal: string | number | boolean | undefined;
}

function typed(operand: Operand): TypedOperand {
  if (operand.kind === 'literal') {
    const value = operand.value;
    if (typeof value === 'string') return { text: quote(value), type: 'STRING', literal: value };
    if (typeof value === 'boolean') return { text: String(value), type: 'BOOLEAN', literal: value };
    return {
      text: String(value),
      type: Number.isInteger(value) ? 'NUMBER_INTEGER' : 'NUMBER_DOUBLE',
      literal: value,
    };
  }
  const type = operand.channel.type;
  if (type.io !== 'parameter' || !isOperandType(type.parameterType)) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      'A condition compares strings, numbers or booleans only.',
    );
  }
  const read = `inputs.parameter_values['pipelinechannel--${channelFullName(operand.channel)}']`;
  return {
    text: type.parameterType === 'NUMBER_INTEGER' ? `int(${read})` : read,
    type: type.parameterType,
    literal: undefined,
  };
}

function coerce(operand: TypedOperand, canonical: OperandType): string {
  if (operand.type === canonical) return operand.text;
  const isLiteral = operand.literal !== undefined;
  if (canonical === 'STRING') return isLiteral ? quote(operand.text) : `string(${operand.text})`;
  if (canonical === 'BOOLEAN') {
    if (!isLiteral) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        'A condition cannot compare a number with a boolean.',
      );
    }
    // KFP's rule for a number literal against a boolean: only zero reads as true.
    return operand.literal === 0 ? 'true' : 'false';
  }
  // An integer meets a double: a literal becomes `2.0`, a channel `double(int(…))`.
  return isLiteral ? `${operand.text}.0` : `double(${operand.text})`;
}

function isOperandType(type: string): type is OperandType {
  return (
    type === 'STRING' || type === 'BOOLEAN' || type === 'NUMBER_INTEGER' || type === 'NUMBER_DOUBLE'
  );
}

/** CEL single-quoted string; KFP doesn't escape, so plain text comes out identical. */
function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
