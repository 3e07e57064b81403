/**
 * The JSON placeholders that stand for a whole command-line argument:
 * `{"Concat": [...]}` joins its items into one string, and
 * `{"IfPresent": {"InputName": "x", "Then": ..., "Else": ...}}` expands to `Then` when
 * input `x` was given and to `Else` (or nothing) when not. Items may nest; string items
 * may hold `{{$…}}` placeholders (see placeholder-syntax.ts).
 */
import { SkiffError } from '../../core/errors.js';

export type CommandLineElement = string | StructuredPlaceholder;

export interface ConcatPlaceholder {
  kind: 'concat';
  items: CommandLineElement[];
}

/**
 * `then`/`else` are always lists here: the IR allows a single element or a list, and a
 * single element means the same as a list of one.
 */
export interface IfPresentPlaceholder {
  kind: 'ifPresent';
  inputName: string;
  then: CommandLineElement[];
  else: CommandLineElement[];
}

export type StructuredPlaceholder = ConcatPlaceholder | IfPresentPlaceholder;

const MAX_NESTING = 32;
const LOOKS_STRUCTURED = /^\{\s*"(?:Concat|IfPresent)"\s*:/;

/**
 * The structure `text` encodes, or undefined when `text` is not a structured placeholder
 * (not a JSON object keyed `Concat` or `IfPresent` — e.g. an ordinary JSON payload
 * argument). Throws SkiffError INVALID_ARGUMENT when it is one but is malformed.
 */
export function parseStructuredPlaceholder(text: string): StructuredPlaceholder | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    if (!LOOKS_STRUCTURED.test(trimmed)) return undefined;
    throw malformed(
      `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!isRecord(value) || !('Concat' in value || 'IfPresent' in value)) return undefined;
  return structure(value, 0);
}

function structure(value: Record<string, unknown>, depth: number): StructuredPlaceholder {
  if (depth > MAX_NESTING) throw malformed(`nests deeper than ${MAX_NESTING} levels`);
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    throw malformed(`must have exactly one key, "Concat" or "IfPresent", not ${list(keys)}`);
  }
  if (Object.hasOwn(value, 'Concat')) {
    const items = value.Concat;
    if (!Array.isArray(items))
      throw malformed('"Concat" must be a list of strings and placeholders');
    return {
      kind: 'concat',
      items: items.map((item) => element(item, depth + 1, 'a "Concat" item')),
    };
  }
  if (Object.hasOwn(value, 'IfPresent')) return ifPresent(value.IfPresent, depth);
  throw malformed(`has unknown key ${list(keys)}; use "Concat" or "IfPresent"`);
}

function ifPresent(body: unknown, depth: number): IfPresentPlaceholder {
  if (!isRecord(body)) throw malformed('"IfPresent" must be an object with "InputName" and "Then"');
  const unknown = Object.keys(body).filter((key) => !['InputName', 'Then', 'Else'].includes(key));
  if (unknown.length > 0) throw malformed(`"IfPresent" has unknown key ${list(unknown)}`);
  const inputName = body.InputName;
  if (typeof inputName !== 'string' || inputName === '') {
    throw malformed('"IfPresent.InputName" must name an input of the component');
  }
  if (!Object.hasOwn(body, 'Then')) throw malformed('"IfPresent" needs a "Then"');
  return {
    kind: 'ifPresent',
    inputName,
    then: branch(body.Then, depth, 'Then'),
    else: body.Else === undefined || body.Else === null ? [] : branch(body.Else, depth, 'Else'),
  };
}

function branch(value: unknown, depth: number, name: 'Then' | 'Else'): CommandLineElement[] {
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  return items.map((item) => element(item, depth + 1, `an "IfPresent.${name}" item`));
}

function element(value: unknown, depth: number, what: string): CommandLineElement {
  if (typeof value === 'string') return value;
  if (isRecord(value)) return structure(value, depth);
  throw malformed(`${what} must be a string or a nested placeholder, not ${JSON.stringify(value)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(keys: string[]): string {
  return keys.length === 0 ? 'none' : keys.map((key) => `"${key}"`).join(', ');
}

function malformed(problem: string): SkiffError {
  return new SkiffError('INVALID_ARGUMENT', `structured placeholder ${problem}`);
}
