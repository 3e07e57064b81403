/**
 * Splits a CEL expression (the subset KFP compiles conditions and selectors into) into
 * tokens. Anything outside that subset is reported with its position, never skipped.
 */

export type CelTokenKind = 'number' | 'string' | 'identifier' | 'operator' | 'end';

export interface CelToken {
  kind: CelTokenKind;
  text: string;
  /** Decoded value for `number` (int or double) and `string` tokens. */
  value?: number | string;
  /** `int` or `double` for number tokens: CEL keeps them apart. */
  numberKind?: 'int' | 'double';
  position: number;
}

export class CelSyntaxError extends Error {
  override readonly name = 'CelSyntaxError';
  constructor(
    message: string,
    readonly expression: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position} of \`${expression}\``);
  }
}

const OPERATORS = [
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '<',
  '>',
  '!',
  '(',
  ')',
  '[',
  ']',
  '.',
  ',',
  '-',
  '+',
];
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

export function tokenizeCel(expression: string): CelToken[] {
  const tokens: CelToken[] = [];
  let i = 0;
  while (i < expression.length) {
    const ch = expression.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(ch)) {
      const match = /^(?:\d+\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+|\d+)/.exec(expression.slice(i));
      const text = match?.[0] ?? ch;
      const isDouble = /[.eE]/.test(text);
      tokens.push({
        kind: 'number',
        text,
        value: Number(text),
        numberKind: isDouble ? 'double' : 'int',
        position: start,
      });
      i += text.length;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const text = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expression.slice(i))?.[0] ?? ch;
      tokens.push({ kind: 'identifier', text, position: start });
      i += text.length;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const { value, end } = readString(expression, i);
      tokens.push({ kind: 'string', text: expression.slice(start, end), value, position: start });
      i = end;
      continue;
    }
    const operator = OPERATORS.find((op) => expression.startsWith(op, i));
    if (operator === undefined) {
      throw new CelSyntaxError(`Unexpected character "${ch}"`, expression, start);
    }
    tokens.push({ kind: 'operator', text: operator, position: start });
    i += operator.length;
  }
  tokens.push({ kind: 'end', text: '', position: expression.length });
  return tokens;
}

function readString(expression: string, start: number): { value: string; end: number } {
  const quote = expression.charAt(start);
  let value = '';
  let i = start + 1;
  while (i < expression.length) {
    const ch = expression.charAt(i);
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\\') {
      const next = expression.charAt(i + 1);
      const decoded = ESCAPES[next];
      if (decoded === undefined) {
        throw new CelSyntaxError(`Unsupported escape "\\${next}"`, expression, i);
      }
      value += decoded;
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  throw new CelSyntaxError('Unterminated string', expression, start);
}
