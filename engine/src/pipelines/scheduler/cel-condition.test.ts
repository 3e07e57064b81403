import { describe, expect, it } from 'vitest';
import { evaluateCel, evaluateCondition, evaluateParameterSelector } from './cel-condition.js';
import {
  corpusAvailable,
  explainCorpusSkip,
  listCorpusFiles,
  loadCorpusSpec,
} from './testing/corpus.js';

const pv = (values: Record<string, unknown>) => values as Record<string, never>;

describe('evaluateCondition over the forms the KFP compiler emits', () => {
  it('compares a string output with == and single or double quotes', () => {
    const values = pv({ 'pipelinechannel--flip-coin-Output': 'heads' });
    expect(
      evaluateCondition(
        "inputs.parameter_values['pipelinechannel--flip-coin-Output'] == 'heads'",
        values,
      ),
    ).toBe(true);
    expect(
      evaluateCondition(
        'inputs.parameter_values["pipelinechannel--flip-coin-Output"] == "tails"',
        values,
      ),
    ).toBe(false);
  });

  it('negates a parenthesised comparison as compiled for else branches', () => {
    const values = pv({ 'pipelinechannel--flip-coin-Output': 'tails' });
    expect(
      evaluateCondition(
        "!(inputs.parameter_values['pipelinechannel--flip-coin-Output'] == 'heads')",
        values,
      ),
    ).toBe(true);
  });

  it('casts with int() before ordering comparisons', () => {
    const values = pv({ 'pipelinechannel--random-num-Output': 7, threshold: '5' });
    expect(
      evaluateCondition(
        "int(inputs.parameter_values['pipelinechannel--random-num-Output']) > 5",
        values,
      ),
    ).toBe(true);
    expect(
      evaluateCondition(
        "int(inputs.parameter_values['pipelinechannel--random-num-Output']) <= 5",
        values,
      ),
    ).toBe(false);
    expect(
      evaluateCondition(
        "int(inputs.parameter_values['pipelinechannel--random-num-Output']) >= int(inputs.parameter_values['threshold'])",
        values,
      ),
    ).toBe(true);
    expect(evaluateCondition("int(inputs.parameter_values['threshold']) < 6", values)).toBe(true);
  });

  it('chains elif conditions with && and !', () => {
    const condition =
      "!(int(inputs.parameter_values['n']) < 5000) && !(int(inputs.parameter_values['n']) > 5000)";
    expect(evaluateCondition(condition, pv({ n: 5000 }))).toBe(true);
    expect(evaluateCondition(condition, pv({ n: 4999 }))).toBe(false);
    expect(evaluateCondition(condition, pv({ n: 5001 }))).toBe(false);
  });

  it('compares booleans with true and two inputs with each other', () => {
    expect(
      evaluateCondition("inputs.parameter_values['pick_a'] == true", pv({ pick_a: true })),
    ).toBe(true);
    expect(
      evaluateCondition(
        "inputs.parameter_values['a'] == inputs.parameter_values['b']",
        pv({ a: 'x', b: 'x' }),
      ),
    ).toBe(true);
    expect(
      evaluateCondition("inputs.parameter_values['a'] != 'no-such-result'", pv({ a: 'x' })),
    ).toBe(true);
  });

  it('compares int() of a loop item with a number literal', () => {
    expect(evaluateCondition("int(inputs.parameter_values['item']) == 3", pv({ item: '3' }))).toBe(
      true,
    );
  });

  it('supports ||, string(), double() and field access', () => {
    expect(
      evaluateCondition("string(inputs.parameter_values['n']) == '2' || false", pv({ n: 2 })),
    ).toBe(true);
    expect(evaluateCondition("double(inputs.parameter_values['x']) > 0.5", pv({ x: '0.75' }))).toBe(
      true,
    );
    expect(
      evaluateCondition("inputs.parameter_values['s'].ok == true", pv({ s: { ok: true } })),
    ).toBe(true);
    expect(
      evaluateCondition("parseJson(inputs.parameter_values['j'])['k'] == 1", pv({ j: '{"k": 1}' })),
    ).toBe(true);
  });
});

describe('evaluateCondition errors', () => {
  it('fails on a missing parameter instead of returning false', () => {
    expect(() =>
      evaluateCondition("inputs.parameter_values['absent'] == 'x'", pv({ other: 1 })),
    ).toThrow(/no such key 'absent'/);
  });

  it('fails on an unsupported function, operator or syntax', () => {
    expect(() =>
      evaluateCondition("size(inputs.parameter_values['a']) > 1", pv({ a: 'x' })),
    ).toThrow(/size\(\) is not supported/);
    expect(() =>
      evaluateCondition("inputs.parameter_values['a'] in ['x']", pv({ a: 'x' })),
    ).toThrow(/Cannot parse/);
    expect(() => evaluateCondition("inputs.parameter_values['a'] == ", pv({ a: 'x' }))).toThrow(
      /Unexpected end/,
    );
    expect(() => evaluateCondition("inputs.parameter_values['a'] ? 1 : 2", pv({ a: 'x' }))).toThrow(
      /Unexpected character "\?"/,
    );
  });

  it('fails when ordering values of different types', () => {
    expect(() => evaluateCondition("inputs.parameter_values['n'] > 5", pv({ n: '7' }))).toThrow(
      /cannot compare/,
    );
  });

  it('fails when the condition is not a boolean', () => {
    expect(() => evaluateCondition("inputs.parameter_values['n']", pv({ n: 1 }))).toThrow(
      /not true or false/,
    );
  });

  it('fails on int() of text that is not a number', () => {
    expect(() =>
      evaluateCondition("int(inputs.parameter_values['n']) > 1", pv({ n: 'abc' })),
    ).toThrow(/int\(\) cannot convert/);
  });

  it('errors carry the INVALID_ARGUMENT code', () => {
    expect(() => evaluateCondition('nope', {})).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('evaluateParameterSelector', () => {
  it('picks a field of a struct loop item with parseJson(string_value)', () => {
    expect(
      evaluateParameterSelector('parseJson(string_value)["A_a"]', { A_a: '1', B_b: '2' }),
    ).toBe('1');
    expect(evaluateParameterSelector('parseJson(string_value)["a"]', { a: 1, b: 2 })).toBe(1);
  });

  it('parses an item given as JSON text', () => {
    expect(
      evaluateParameterSelector('parseJson(string_value)["p_a"]', '{"p_a": [{"q_a": "1"}]}'),
    ).toEqual([{ q_a: '1' }]);
  });

  it('binds the typed value names too', () => {
    expect(evaluateParameterSelector('number_value + 1', 2)).toBe(3);
    expect(evaluateParameterSelector('list_value[1]', ['a', 'b'])).toBe('b');
  });
});

describe('evaluateCel', () => {
  it('honours precedence: && binds tighter than ||, comparison tighter than &&', () => {
    expect(evaluateCel('true || false && false', {})).toBe(true);
    expect(evaluateCel('1 < 2 && 2 < 3', {})).toBe(true);
    expect(evaluateCel('-1 + 3 == 2', {})).toBe(true);
  });

  it('decodes string escapes', () => {
    expect(evaluateCel("'it\\'s' == \"it's\"", {})).toBe(true);
  });

  it('compares lists and maps by value', () => {
    expect(
      evaluateCel('parseJson(s) == parseJson(t)', { s: '{"a":[1,2]}', t: '{"a": [1, 2]}' }),
    ).toBe(true);
  });
});

describe.skipIf(!corpusAvailable)('every condition and selector in the KFP corpus', () => {
  explainCorpusSkip();
  const found = corpusExpressions();

  it('finds the corpus expressions', () => {
    expect(found.conditions.length).toBeGreaterThan(20);
    expect(found.selectors.length).toBeGreaterThan(3);
  });

  it('evaluates every condition to a boolean', () => {
    for (const condition of found.conditions) {
      const names = [...condition.matchAll(/parameter_values\['([^']+)'\]/g)].map(
        (m) => m[1] ?? '',
      );
      const values = Object.fromEntries(names.map((name) => [name, 1]));
      expect(typeof evaluateCondition(condition, values), condition).toBe('boolean');
    }
  });

  it('applies every selector to a struct item', () => {
    for (const selector of found.selectors) {
      const key = /\["([^"]+)"\]/.exec(selector)?.[1] ?? '';
      expect(evaluateParameterSelector(selector, { [key]: 'v' }), selector).toBe('v');
    }
  });
});

function corpusExpressions(): { conditions: string[]; selectors: string[] } {
  const conditions = new Set<string>();
  const selectors = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'condition' && typeof item === 'string') conditions.add(item);
        else if (key === 'parameterExpressionSelector' && typeof item === 'string')
          selectors.add(item);
        else visit(item);
      }
    }
  };
  for (const file of listCorpusFiles()) {
    try {
      visit(loadCorpusSpec(file));
    } catch {
      // Two upstream files are not valid YAML; they are for the import validator.
    }
  }
  return { conditions: [...conditions], selectors: [...selectors] };
}
