import { describe, expect, it } from 'vitest';
import type { InterfaceDefinitions } from '../ir/pipeline-spec.js';
import { coerceParameter, resolvePipelineParameters } from './pipeline-parameters.js';

const definitions: InterfaceDefinitions = {
  parameters: {
    a: { parameterType: 'NUMBER_INTEGER' },
    b: { parameterType: 'NUMBER_DOUBLE', defaultValue: 7, isOptional: true },
    flag: { parameterType: 'BOOLEAN', defaultValue: true, isOptional: true },
    items: { parameterType: 'LIST', defaultValue: ['x'], isOptional: true },
    maybe: { parameterType: 'STRING', isOptional: true },
  },
};

describe('resolvePipelineParameters', () => {
  it('fills defaults and leaves optional parameters without a default out', () => {
    expect(resolvePipelineParameters(definitions, { a: 1 })).toEqual({
      a: 1,
      b: 7,
      flag: true,
      items: ['x'],
    });
  });

  it('coerces values sent as text to their declared type', () => {
    expect(
      resolvePipelineParameters(definitions, {
        a: '3',
        b: '2.5',
        flag: 'False',
        items: '["p","q"]',
      }),
    ).toEqual({
      a: 3,
      b: 2.5,
      flag: false,
      items: ['p', 'q'],
    });
  });

  it('fails naming a missing required parameter', () => {
    expect(() => resolvePipelineParameters(definitions, {})).toThrow(
      /Pipeline parameter "a" \(NUMBER_INTEGER\) is required/,
    );
  });

  it('fails naming a parameter of the wrong type', () => {
    expect(() => resolvePipelineParameters(definitions, { a: 1.5 })).toThrow(
      /Pipeline parameter "a": 1.5 is not a whole number/,
    );
    expect(() => resolvePipelineParameters(definitions, { a: 1, items: 'nope' })).toThrow(
      /"items": "nope" is not a list/,
    );
  });

  it('fails on a parameter the pipeline does not define', () => {
    expect(() => resolvePipelineParameters(definitions, { a: 1, typo: 2 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(/"typo" is not defined/) as string,
      }),
    );
  });
});

describe('coerceParameter', () => {
  it('keeps integers within the safe range only', () => {
    expect(coerceParameter('NUMBER_INTEGER', '42')).toBe(42);
    expect(() => coerceParameter('NUMBER_INTEGER', 2 ** 60)).toThrow(/whole number/);
  });

  it('turns scalars into text for STRING and rejects objects', () => {
    expect(coerceParameter('STRING', 5)).toBe('5');
    expect(() => coerceParameter('STRING', { a: 1 })).toThrow(/not text/);
  });

  it('parses a STRUCT given as JSON text and rejects a list', () => {
    expect(coerceParameter('STRUCT', '{"k": 1}')).toEqual({ k: 1 });
    expect(() => coerceParameter('STRUCT', [1])).toThrow(/not a struct/);
  });
});
