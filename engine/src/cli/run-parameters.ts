/**
 * `-p key=value`: values are JSON when they parse (numbers, booleans, lists, objects),
 * else strings, then checked and coerced against the pipeline's declared inputs so a bad
 * value fails here, naming the parameter, instead of deep inside a run.
 */
import { SkiffError } from '../core/errors.js';
import type { ParameterSpec, ProtoValue } from '../pipelines/ir/pipeline-spec.js';

/** One `-p`: the text as typed and its JSON reading. */
export interface RawParameter {
  text: string;
  value: ProtoValue;
}

export function parseParameterArgs(args: readonly string[]): Map<string, RawParameter> {
  const out = new Map<string, RawParameter>();
  for (const arg of args) {
    const equals = arg.indexOf('=');
    const key = equals === -1 ? '' : arg.slice(0, equals).trim();
    if (key === '') {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `-p "${arg}": write parameters as NAME=VALUE, e.g. -p epochs=10 or -p 'layers=[64,32]'.`,
        { field: '-p' },
      );
    }
    const text = arg.slice(equals + 1);
    out.set(key, { text, value: parseValue(text) });
  }
  return out;
}

export function parseValue(text: string): ProtoValue {
  try {
    return JSON.parse(text) as ProtoValue;
  } catch {
    return text;
  }
}

/**
 * Checks the parameters against `root.inputDefinitions.parameters` (when known): unknown
 * names, values of the wrong type and missing required inputs are INVALID_ARGUMENT.
 */
export function coerceParameters(
  raw: ReadonlyMap<string, RawParameter>,
  definitions: Record<string, ParameterSpec> | undefined,
): Record<string, ProtoValue> {
  const out: Record<string, ProtoValue> = {};
  if (definitions === undefined) {
    for (const [key, { value }] of raw) out[key] = value;
    return out;
  }
  const known = Object.keys(definitions);
  for (const [key, parameter] of raw) {
    const spec = Object.hasOwn(definitions, key) ? definitions[key] : undefined;
    if (spec === undefined) {
      const takes =
        known.length === 0 ? 'it takes none' : `it takes ${describeInputs(definitions)}`;
      throw bad(key, `the pipeline has no parameter "${key}"; ${takes}.`);
    }
    out[key] = coerceValue(key, parameter, spec);
  }
  const missing = known.filter(
    (key) =>
      !(key in out) &&
      definitions[key]?.defaultValue === undefined &&
      definitions[key]?.isOptional !== true,
  );
  const [first] = missing;
  if (first !== undefined) {
    throw bad(
      first,
      `the pipeline needs ${missing.map((key) => `-p ${key}=… (${typeName(definitions[key])})`).join(', ')}: ${missing.length === 1 ? 'it has' : 'they have'} no default.`,
    );
  }
  return out;
}

export function coerceValue(key: string, parameter: RawParameter, spec: ParameterSpec): ProtoValue {
  const { text, value } = parameter;
  const expected = (what: string): SkiffError =>
    bad(key, `expects ${what} (${spec.parameterType}), got ${JSON.stringify(text)}.`);
  let result: ProtoValue;
  switch (spec.parameterType) {
    case 'STRING':
      result = typeof value === 'string' ? value : text;
      break;
    case 'NUMBER_INTEGER':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw expected('an integer');
      result = value;
      break;
    case 'NUMBER_DOUBLE':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw expected('a number');
      result = value;
      break;
    case 'BOOLEAN': {
      const lower = text.trim().toLowerCase();
      if (typeof value === 'boolean') result = value;
      else if (lower === 'true' || lower === 'false') result = lower === 'true';
      else throw expected('true or false');
      break;
    }
    case 'LIST':
      if (!Array.isArray(value)) throw expected('a JSON list, e.g. [1, 2]');
      result = value;
      break;
    case 'STRUCT':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw expected('a JSON object, e.g. {"a": 1}');
      }
      result = value;
      break;
    default:
      result = value;
  }
  const literals = spec.literals;
  if (literals !== undefined && literals.length > 0) {
    const wanted = JSON.stringify(result);
    if (!literals.some((literal) => JSON.stringify(literal) === wanted)) {
      throw bad(
        key,
        `must be one of ${literals.map((l) => JSON.stringify(l)).join(', ')}; got ${JSON.stringify(text)}.`,
      );
    }
  }
  return result;
}

export function describeInputs(definitions: Record<string, ParameterSpec>): string {
  return Object.entries(definitions)
    .map(
      ([key, spec]) =>
        `${key} (${typeName(spec)}${spec.defaultValue !== undefined ? `, default ${JSON.stringify(spec.defaultValue)}` : ''})`,
    )
    .join(', ');
}

function typeName(spec: ParameterSpec | undefined): string {
  return spec?.parameterType ?? 'any';
}

function bad(key: string, message: string): SkiffError {
  return new SkiffError('INVALID_ARGUMENT', `-p ${key}: ${message}`, { field: key });
}
