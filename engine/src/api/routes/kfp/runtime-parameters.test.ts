import { describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../../../pipelines/ir/pipeline-spec.js';
import { checkRuntimeParameters } from './runtime-parameters.js';

const spec: PipelineSpec = {
  pipelineInfo: { name: 'demo' },
  root: {
    inputDefinitions: {
      parameters: {
        message: { parameterType: 'STRING' },
        count: { parameterType: 'NUMBER_INTEGER', defaultValue: 3, isOptional: true },
        rate: { parameterType: 'NUMBER_DOUBLE', defaultValue: 0.5 },
        flag: { parameterType: 'BOOLEAN', isOptional: true },
        items: { parameterType: 'LIST', defaultValue: [] },
        config: { parameterType: 'STRUCT', defaultValue: {} },
        mode: { parameterType: 'STRING', defaultValue: 'a', literals: ['a', 'b'] },
      },
    },
  },
};

const check = (parameters: Record<string, unknown>): void =>
  checkRuntimeParameters(spec, parameters);

describe('checkRuntimeParameters', () => {
  it('accepts values of the declared types and leaves defaulted ones out', () => {
    expect(() => check({ message: 'hi' })).not.toThrow();
    expect(() =>
      check({
        message: 'hi',
        count: 7,
        rate: 2,
        flag: false,
        items: [1],
        config: { a: 1 },
        mode: 'b',
      }),
    ).not.toThrow();
  });

  it.each([
    [
      { message: 'hi', nope: 1 },
      'runtime_config.parameters.nope: is not a parameter of pipeline "demo"; it takes message, count',
    ],
    [{}, 'runtime_config.parameters.message: is required'],
    [
      { message: 'hi', count: 'abc' },
      'runtime_config.parameters.count: expects NUMBER_INTEGER (a whole number), got "abc"',
    ],
    [{ message: 'hi', count: 1.5 }, 'runtime_config.parameters.count: expects NUMBER_INTEGER'],
    [{ message: 5 }, 'runtime_config.parameters.message: expects STRING (a string), got 5'],
    [{ message: 'hi', rate: '0.1' }, 'runtime_config.parameters.rate: expects NUMBER_DOUBLE'],
    [{ message: 'hi', flag: 'true' }, 'runtime_config.parameters.flag: expects BOOLEAN'],
    [{ message: 'hi', items: {} }, 'runtime_config.parameters.items: expects LIST'],
    [{ message: 'hi', config: [] }, 'runtime_config.parameters.config: expects STRUCT'],
    [{ message: 'hi', mode: 'c' }, 'runtime_config.parameters.mode: must be one of "a", "b"'],
    [{ message: null }, 'runtime_config.parameters.message: is null'],
  ])('refuses %j', (parameters, message) => {
    expect(() => check(parameters)).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining(message) as unknown,
      }),
    );
  });

  it('says so when the pipeline takes no parameters', () => {
    const bare: PipelineSpec = { pipelineInfo: { name: 'bare' }, root: {} };
    expect(() => checkRuntimeParameters(bare, { x: 1 })).toThrow(
      'pipeline "bare" takes no parameters',
    );
    expect(() => checkRuntimeParameters(bare, {})).not.toThrow();
  });
});
