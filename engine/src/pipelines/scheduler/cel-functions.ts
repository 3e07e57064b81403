/** The global functions of KFP's CEL subset: int(), double(), string() and parseJson(). */
import type { ProtoValue } from '../ir/pipeline-spec.js';
import { CelEvaluationError, describe } from './cel-values.js';

export function callCelFunction(name: string, args: ProtoValue[]): ProtoValue {
  if (args.length !== 1)
    throw new CelEvaluationError(`${name}() takes one argument, not ${args.length}`);
  const [arg = null] = args;
  switch (name) {
    case 'int': {
      const number = typeof arg === 'string' && /^\s*[+-]?\d+\s*$/.test(arg) ? Number(arg) : arg;
      if (typeof number === 'number' && Number.isFinite(number)) return Math.trunc(number);
      throw new CelEvaluationError(`int() cannot convert ${describe(arg)}`);
    }
    case 'double': {
      const number = typeof arg === 'string' && arg.trim() !== '' ? Number(arg) : arg;
      if (typeof number === 'number' && !Number.isNaN(number)) return number;
      throw new CelEvaluationError(`double() cannot convert ${describe(arg)}`);
    }
    case 'string':
      if (typeof arg === 'string') return arg;
      if (typeof arg === 'number' || typeof arg === 'boolean') return String(arg);
      throw new CelEvaluationError(`string() cannot convert ${describe(arg)}`);
    case 'parseJson':
      if (typeof arg !== 'string')
        throw new CelEvaluationError(`parseJson() needs a string, not ${describe(arg)}`);
      try {
        return JSON.parse(arg) as ProtoValue;
      } catch {
        throw new CelEvaluationError(
          `parseJson() was given text that is not JSON: ${JSON.stringify(arg.slice(0, 80))}`,
        );
      }
    default:
      throw new CelEvaluationError(
        `the function ${name}() is not supported (supported: int, double, string, parseJson)`,
      );
  }
}
