import { describe, expect, it } from 'vitest';
import {
  coerceField,
  collectParameters,
  formFields,
  textForValue,
  unwrapSpec,
  type FormField,
} from './run-form';

const spec = {
  root: {
    inputDefinitions: {
      parameters: {
        message: { parameterType: 'STRING', defaultValue: 'hi' },
        count: { parameterType: 'NUMBER_INTEGER', defaultValue: 3 },
        rate: { parameterType: 'NUMBER_DOUBLE' },
        flag: { parameterType: 'BOOLEAN', defaultValue: true },
        items: { parameterType: 'LIST', defaultValue: [1, 2] },
        config: { parameterType: 'STRUCT', isOptional: true },
      },
    },
  },
};

describe('run form fields', () => {
  it('builds typed fields with defaults from inputDefinitions', () => {
    const fields = formFields(spec);
    expect(fields.map((f) => [f.name, f.kind, f.initial])).toEqual([
      ['message', 'string', 'hi'],
      ['count', 'integer', '3'],
      ['rate', 'number', ''],
      ['flag', 'boolean', 'true'],
      ['items', 'json', '[\n  1,\n  2\n]'],
      ['config', 'json', ''],
    ]);
    expect(formFields(undefined)).toEqual([]);
  });

  it('coerces values and names the field when one is wrong', () => {
    const fields = formFields(spec);
    const get = (name: string) => {
      const found = fields.find((f) => f.name === name);
      if (!found) throw new Error(name);
      return found;
    };
    const [message, count, rate, flag, items, config] = [
      'message',
      'count',
      'rate',
      'flag',
      'items',
      'config',
    ].map(get) as [FormField, FormField, FormField, FormField, FormField, FormField];
    expect(coerceField(count, '7')).toEqual({ ok: true, value: 7 });
    expect(coerceField(count, '7.5')).toEqual({
      ok: false,
      error: 'count must be a whole number.',
    });
    expect(coerceField(rate, 'abc')).toEqual({ ok: false, error: 'rate must be a number.' });
    expect(coerceField(rate, '')).toEqual({ ok: false, error: 'rate is required.' });
    expect(coerceField(flag, 'false')).toEqual({ ok: true, value: false });
    expect(coerceField(items, '{"a":1}')).toMatchObject({ ok: false });
    expect(coerceField(items, '[')).toEqual({ ok: false, error: 'items must be valid JSON.' });
    expect(coerceField(config, '')).toEqual({ ok: true, value: undefined });
    expect(coerceField(message, 'x')).toEqual({ ok: true, value: 'x' });
  });

  it('collects parameters or errors', () => {
    const fields = formFields(spec);
    expect(collectParameters(fields, { rate: '0.5' })).toEqual({
      parameters: { message: 'hi', count: 3, rate: 0.5, flag: true, items: [1, 2] },
      errors: {},
    });
    expect(collectParameters(fields, { rate: 'x' }).errors).toEqual({
      rate: 'rate must be a number.',
    });
  });

  it('reads a spec wrapped with its platform spec', () => {
    const wrapped = { pipeline_spec: spec, platform_spec: {} };
    expect(unwrapSpec(wrapped)).toBe(spec);
    expect(formFields(wrapped)).toHaveLength(6);
    expect(textForValue('json', { a: 1 })).toBe('{\n  "a": 1\n}');
    expect(textForValue('boolean', undefined)).toBe('false');
  });
});
