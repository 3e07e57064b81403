/**
 * Evaluates KFP's CEL: `triggerPolicy.condition` over the task's input parameters, and
 * `parameterExpressionSelector` over one value. Anything outside the subset, a missing
 * key or a type mismatch is an error that fails the task; it never turns into `false`.
 */
import { SkiffError } from '../../core/errors.js';
import type { ProtoValue } from '../ir/pipeline-spec.js';
import { parseCel, type CelNode } from './cel-parser.js';
import { callCelFunction } from './cel-functions.js';
import { CelSyntaxError } from './cel-tokenizer.js';
import { CelEvaluationError, describe, equal } from './cel-values.js';

type Bindings = Record<string, ProtoValue>;

/** True when the condition holds; throws INVALID_ARGUMENT naming the expression otherwise. */
export function evaluateCondition(
  condition: string,
  parameterValues: Record<string, ProtoValue>,
): boolean {
  const result = evaluateCel(condition, { inputs: { parameter_values: parameterValues } });
  if (typeof result !== 'boolean') {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `Condition \`${condition}\` gave ${describe(result)}, not true or false.`,
    );
  }
  return result;
}

/** Applies a selector such as `parseJson(string_value)["A_a"]` to a parameter value. */
export function evaluateParameterSelector(selector: string, value: ProtoValue): ProtoValue {
  const bindings: Bindings = {
    string_value: typeof value === 'string' ? value : JSON.stringify(value),
  };
  if (typeof value === 'number') bindings.number_value = value;
  if (typeof value === 'boolean') bindings.bool_value = value;
  if (Array.isArray(value)) bindings.list_value = value;
  else if (value !== null && typeof value === 'object') bindings.struct_value = value;
  return evaluateCel(selector, bindings);
}

export function evaluateCel(expression: string, bindings: Bindings): ProtoValue {
  try {
    return evaluate(parseCel(expression), bindings);
  } catch (error) {
    if (error instanceof CelSyntaxError) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Cannot parse the CEL expression: ${error.message}.`,
        { expression },
      );
    }
    if (error instanceof CelEvaluationError) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Cannot evaluate \`${expression}\`: ${error.message}.`,
        { expression },
      );
    }
    throw error;
  }
}

function evaluate(node: CelNode, bindings: Bindings): ProtoValue {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'identifier': {
      if (!Object.hasOwn(bindings, node.name))
        throw new CelEvaluationError(`unknown name "${node.name}"`);
      return bindings[node.name] ?? null;
    }
    case 'member':
      return select(evaluate(node.object, bindings), node.field);
    case 'index':
      return select(evaluate(node.object, bindings), evaluate(node.index, bindings));
    case 'call':
      return callCelFunction(
        node.name,
        node.args.map((arg) => evaluate(arg, bindings)),
      );
    case 'unary': {
      const operand = evaluate(node.operand, bindings);
      if (node.operator === '!') return !asBool(operand, '!');
      if (typeof operand !== 'number')
        throw new CelEvaluationError(`cannot negate ${describe(operand)}`);
      return -operand;
    }
    case 'binary':
      return binary(node, bindings);
  }
}

function binary(node: Extract<CelNode, { type: 'binary' }>, bindings: Bindings): ProtoValue {
  const left = evaluate(node.left, bindings);
  if (node.operator === '&&')
    return asBool(left, '&&') && asBool(evaluate(node.right, bindings), '&&');
  if (node.operator === '||')
    return asBool(left, '||') || asBool(evaluate(node.right, bindings), '||');
  const right = evaluate(node.right, bindings);
  switch (node.operator) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case '+':
      if (typeof left === 'number' && typeof right === 'number') return left + right;
      if (typeof left === 'string' && typeof right === 'string') return left + right;
      throw new CelEvaluationError(`cannot add ${describe(left)} and ${describe(right)}`);
    case '-':
      if (typeof left === 'number' && typeof right === 'number') return left - right;
      throw new CelEvaluationError(`cannot subtract ${describe(right)} from ${describe(left)}`);
    default:
      return compare(node.operator, left, right);
  }
}

function compare(operator: '<' | '<=' | '>' | '>=', left: ProtoValue, right: ProtoValue): boolean {
  const comparable =
    (typeof left === 'number' && typeof right === 'number') ||
    (typeof left === 'string' && typeof right === 'string');
  if (!comparable) {
    throw new CelEvaluationError(
      `cannot compare ${describe(left)} ${operator} ${describe(right)}; convert with int() or double()`,
    );
  }
  if (operator === '<') return left < right;
  if (operator === '<=') return left <= right;
  if (operator === '>') return left > right;
  return left >= right;
}

function select(container: ProtoValue, key: ProtoValue): ProtoValue {
  if (Array.isArray(container)) {
    if (typeof key !== 'number' || !Number.isInteger(key))
      throw new CelEvaluationError(`a list index must be an integer, not ${describe(key)}`);
    if (key < 0 || key >= container.length)
      throw new CelEvaluationError(`index ${key} is out of range (size ${container.length})`);
    return container[key] ?? null;
  }
  if (container !== null && typeof container === 'object') {
    if (typeof key !== 'string')
      throw new CelEvaluationError(`a map key must be a string here, not ${describe(key)}`);
    if (!Object.hasOwn(container, key)) {
      const known = Object.keys(container).join(', ') || 'none';
      throw new CelEvaluationError(`no such key '${key}' (known keys: ${known})`);
    }
    return container[key] ?? null;
  }
  throw new CelEvaluationError(`cannot select ${describe(key)} from ${describe(container)}`);
}

function asBool(value: ProtoValue, operator: string): boolean {
  if (typeof value !== 'boolean')
    throw new CelEvaluationError(`"${operator}" needs true or false, not ${describe(value)}`);
  return value;
}
