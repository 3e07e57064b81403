/**
 * Recursive-descent parser for the CEL subset in KFP conditions and parameter selectors:
 * literals, identifiers, `.field`, `[index]`, calls to global functions, `!`, unary `-`,
 * `+ -`, comparisons, `&&`, `||` and parentheses, with CEL's precedence.
 */
import { CelSyntaxError, tokenizeCel, type CelToken } from './cel-tokenizer.js';

export type CelLiteral = null | boolean | number | string;

export type CelNode =
  | { type: 'literal'; value: CelLiteral }
  | { type: 'identifier'; name: string }
  | { type: 'member'; object: CelNode; field: string }
  | { type: 'index'; object: CelNode; index: CelNode }
  | { type: 'call'; name: string; args: CelNode[] }
  | { type: 'unary'; operator: '!' | '-'; operand: CelNode }
  | { type: 'binary'; operator: CelBinaryOperator; left: CelNode; right: CelNode };

export type CelBinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-';

const RELATIONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

export function parseCel(expression: string): CelNode {
  const parser = new Parser(expression, tokenizeCel(expression));
  const node = parser.expression();
  parser.expectEnd();
  return node;
}

class Parser {
  #index = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: CelToken[],
  ) {}

  expression(): CelNode {
    return this.#binary(['||'], () => this.#binary(['&&'], () => this.#relation()));
  }

  expectEnd(): void {
    const token = this.#peek();
    if (token.kind !== 'end') this.#fail(`Unexpected "${token.text}"`, token);
  }

  #binary(operators: string[], operand: () => CelNode): CelNode {
    let left = operand();
    while (this.#isOperator(...operators)) {
      const operator = this.#next().text as CelBinaryOperator;
      left = { type: 'binary', operator, left, right: operand() };
    }
    return left;
  }

  #relation(): CelNode {
    const left = this.#binary(['+', '-'], () => this.#unary());
    if (!this.#isOperator(...RELATIONS)) return left;
    const operator = this.#next().text as CelBinaryOperator;
    const right = this.#binary(['+', '-'], () => this.#unary());
    if (this.#isOperator(...RELATIONS)) {
      this.#fail('Chained comparisons need parentheses', this.#peek());
    }
    return { type: 'binary', operator, left, right };
  }

  #unary(): CelNode {
    if (this.#isOperator('!', '-')) {
      const operator = this.#next().text as '!' | '-';
      return { type: 'unary', operator, operand: this.#unary() };
    }
    return this.#member();
  }

  #member(): CelNode {
    let node = this.#primary();
    for (;;) {
      if (this.#isOperator('.')) {
        this.#next();
        const field = this.#next();
        if (field.kind !== 'identifier') this.#fail('Expected a field name after "."', field);
        if (this.#isOperator('('))
          this.#fail(`Method calls such as ".${field.text}()" are not supported`, field);
        node = { type: 'member', object: node, field: field.text };
      } else if (this.#isOperator('[')) {
        this.#next();
        const index = this.expression();
        this.#expect(']');
        node = { type: 'index', object: node, index };
      } else {
        return node;
      }
    }
  }

  #primary(): CelNode {
    const token = this.#next();
    if (token.kind === 'number' || token.kind === 'string') {
      return { type: 'literal', value: token.value ?? null };
    }
    if (token.kind === 'identifier') {
      if (token.text === 'true' || token.text === 'false')
        return { type: 'literal', value: token.text === 'true' };
      if (token.text === 'null') return { type: 'literal', value: null };
      if (this.#isOperator('(')) return { type: 'call', name: token.text, args: this.#arguments() };
      return { type: 'identifier', name: token.text };
    }
    if (token.kind === 'operator' && token.text === '(') {
      const inner = this.expression();
      this.#expect(')');
      return inner;
    }
    return this.#fail(
      token.kind === 'end' ? 'Unexpected end of expression' : `Unexpected "${token.text}"`,
      token,
    );
  }

  #arguments(): CelNode[] {
    this.#expect('(');
    const args: CelNode[] = [];
    if (this.#isOperator(')')) {
      this.#next();
      return args;
    }
    for (;;) {
      args.push(this.expression());
      if (this.#isOperator(')')) {
        this.#next();
        return args;
      }
      this.#expect(',');
    }
  }

  #expect(operator: string): void {
    const token = this.#next();
    if (token.kind !== 'operator' || token.text !== operator) {
      this.#fail(`Expected "${operator}" but found "${token.text || 'end of expression'}"`, token);
    }
  }

  #isOperator(...operators: string[]): boolean {
    const token = this.#peek();
    return token.kind === 'operator' && operators.includes(token.text);
  }

  #peek(): CelToken {
    return this.tokens[this.#index] ?? { kind: 'end', text: '', position: this.source.length };
  }

  #next(): CelToken {
    const token = this.#peek();
    if (this.#index < this.tokens.length) this.#index++;
    return token;
  }

  #fail(message: string, token: CelToken): never {
    throw new CelSyntaxError(message, this.source, token.position);
  }
}
