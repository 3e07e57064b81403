/** CEL value semantics shared by the evaluator and its functions: errors, equality, descriptions. */
import type { ProtoValue } from '../ir/pipeline-spec.js';

/** A CEL expression that parsed but cannot be evaluated on these values. */
export class CelEvaluationError extends Error {}

/** CEL equality: by value for lists and maps; values of different types are not equal. */
export function equal(left: ProtoValue, right: ProtoValue): boolean {
  if (Array.isArray(left) || Array.isArray(right)) {
    return (
      Array.isArray(left) &&
      Array.isArray(right) &&
      left.length === right.length &&
      left.every((v, i) => equal(v, right[i] ?? null))
    );
  }
  if (left !== null && right !== null && typeof left === 'object' && typeof right === 'object') {
    const keys = Object.keys(left);
    return (
      keys.length === Object.keys(right).length &&
      keys.every((k) => Object.hasOwn(right, k) && equal(left[k] ?? null, right[k] ?? null))
    );
  }
  return left === right;
}

/** How a value is named in an error message. */
export function describe(value: ProtoValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}
