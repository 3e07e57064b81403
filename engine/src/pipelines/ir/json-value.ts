/**
 * Checks that a value parsed from JSON (or built by a caller) is plain JSON a pipeline may
 * hold, within the nesting limit, and copies it so later code owns it. Rejects
 * `__proto__` keys, which would change an object's prototype when copied.
 */
import { SkiffError } from '../../core/errors.js';
import { MAX_DOCUMENT_DEPTH } from './package-limits.js';
import type { ProtoValue } from './pipeline-spec.js';

export function jsonValue(value: unknown, name: string): ProtoValue {
  return copy(value, name, '', 0);
}

function copy(value: unknown, name: string, path: string, depth: number): ProtoValue {
  if (depth > MAX_DOCUMENT_DEPTH)
    throw invalid(name, path, `nests more than ${MAX_DOCUMENT_DEPTH} levels deep`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw invalid(name, path, `${String(value)} cannot be represented in JSON`);
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => copy(item, name, `${path}[${index}]`, depth + 1));
  }
  if (typeof value === 'object') {
    const result: Record<string, ProtoValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (key === '__proto__') throw invalid(name, at, 'the key "__proto__" is not allowed');
      result[key] = copy(item, name, at, depth + 1);
    }
    return result;
  }
  throw invalid(name, path, `a ${typeof value} is not a JSON value`);
}

function invalid(name: string, path: string, problem: string): SkiffError {
  const where = path === '' ? '' : ` at ${path}`;
  return new SkiffError(
    'INVALID_ARGUMENT',
    `"${name}"${where}: ${problem}.`,
    path === '' ? {} : { path },
  );
}
