/**
 * The run's pipeline parameters: `runtime_config.parameters` checked against the root's
 * `inputDefinitions`, defaults filled in, and values coerced to their declared type the
 * way the KFP UI and API send them (numbers and booleans often arrive as strings).
 */
import { SkiffError } from '../../core/errors.js';
import type { InterfaceDefinitions, ParameterType, ProtoValue } from '../ir/pipeline-spec.js';

export function resolvePipelineParameters(
  definitions: InterfaceDefinitions | undefined,
  given: Record<string, ProtoValue>,
): Record<string, ProtoValue> {
  const specs = definitions?.parameters ?? {};
  const unknown = Object.keys(given).filter((name) => !Object.hasOwn(specs, name));
  if (unknown.length > 0) {
    const accepted = Object.keys(specs).join(', ') || 'none';
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `Pipeline parameter "${unknown.join('", "')}" is not defined by this pipeline (it takes: ${accepted}).`,
      { parameter: unknown[0] },
    );
  }
  const resolved: Record<string, ProtoValue> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = Object.hasOwn(given, name) ? given[name] : spec.defaultValue;
    if (value === undefined) {
      if (spec.isOptional === true) continue;
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Pipeline parameter "${name}" (${spec.parameterType}) is required and has no default; give it a value.`,
        { parameter: name },
      );
    }
    try {
      resolved[name] = coerceParameter(spec.parameterType, value);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SkiffError('INVALID_ARGUMENT', `Pipeline parameter "${name}": ${reason}`, {
        parameter: name,
      });
    }
  }
  return resolved;
}

/** Converts a value to a parameter type, or throws a sentence saying why it cannot. */
export function coerceParameter(type: ParameterType, value: ProtoValue): ProtoValue {
  switch (type) {
    case 'NUMBER_INTEGER': {
      const number =
        typeof value === 'string' && /^\s*[+-]?\d+(\.0*)?\s*$/.test(value) ? Number(value) : value;
      if (typeof number === 'number' && Number.isSafeInteger(number)) return number;
      throw new Error(`${show(value)} is not a whole number (NUMBER_INTEGER).`);
    }
    case 'NUMBER_DOUBLE': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number === 'number' && Number.isFinite(number)) return number;
      throw new Error(`${show(value)} is not a number (NUMBER_DOUBLE).`);
    }
    case 'BOOLEAN': {
      if (typeof value === 'boolean') return value;
      const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
      if (text === 'true' || text === 'false') return text === 'true';
      throw new Error(`${show(value)} is not true or false (BOOLEAN).`);
    }
    case 'STRING':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw new Error(`${show(value)} is not text (STRING).`);
    case 'LIST': {
      const list = typeof value === 'string' ? parseJsonOrUndefined(value) : value;
      if (Array.isArray(list)) return list;
      throw new Error(`${show(value)} is not a list (LIST); give a JSON array such as ["a", "b"].`);
    }
    case 'STRUCT': {
      const struct = typeof value === 'string' ? parseJsonOrUndefined(value) : value;
      if (struct !== null && typeof struct === 'object' && !Array.isArray(struct)) return struct;
      throw new Error(
        `${show(value)} is not a struct (STRUCT); give a JSON object such as {"k": 1}.`,
      );
    }
    default:
      return value;
  }
}

function parseJsonOrUndefined(text: string): ProtoValue | undefined {
  try {
    return JSON.parse(text) as ProtoValue;
  } catch {
    return undefined;
  }
}

function show(value: ProtoValue): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
