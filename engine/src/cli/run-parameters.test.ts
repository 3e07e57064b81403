import { describe, expect, it } from 'vitest';
import type { ParameterSpec } from '../pipelines/ir/pipeline-spec.js';
import { SkiffError } from '../core/errors.js';
import { coerceParameters, parseParameterArgs, parseValue } from './run-parameters.js';

const definitions: Record<string, ParameterSpec> = {
  text: { parameterType: 'STRING' },
  epochs: { parameterType: 'NUMBER_INTEGER', defaultValue: 3 },
  lr: { parameterType: 'NUMBER_DOUBLE', defaultValue: 0.1 },
  verbose: { parameterType: 'BOOLEAN', defaultValue: false },
  layers: { parameterType: 'LIST', defaultValue: [] },
  config: { parameterType: 'STRUCT', isOptional: true },
  mode: { parameterType: 'STRING', defaultValue: 'fast', literals: ['fast', 'slow'] },
};

function coerce(args: string[], defs: Record<string, ParameterSpec> = definitions) {
  return coerceParameters(parseParameterArgs(args), defs);
}

function failure(run: () => unknown): SkiffError {
  try {
    run();
  } catch (error) {
    if (error instanceof SkiffError) return error;
    throw error;
  }
  throw new Error('expected a SkiffError');
}

describe('parseValue', () => {
  it('reads JSON when it parses and keeps anything else as a string', () => {
    expect(parseValue('10')).toBe(10);
    expect(parseValue('1.5')).toBe(1.5);
    expect(parseValue('true')).toBe(true);
    expect(parseValue('[1,2]')).toEqual([1, 2]);
    expect(parseValue('{"a":1}')).toEqual({ a: 1 });
    expect(parseValue('"10"')).toBe('10');
    expect(parseValue('hello world')).toBe('hello world');
    expect(parseValue('')).toBe('');
  });
});

describe('parseParameterArgs', () => {
  it('splits at the first = and lets a later -p win', () => {
    const raw = parseParameterArgs(['a=x=y', 'b=1', 'b=2']);
    expect(raw.get('a')).toEqual({ text: 'x=y', value: 'x=y' });
    expect(raw.get('b')?.value).toBe(2);
  });

  it('refuses an argument without NAME=', () => {
    for (const arg of ['novalue', '=5']) {
      const error = failure(() => parseParameterArgs([arg]));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toContain('NAME=VALUE');
    }
  });
});

describe('coerceParameters', () => {
  it('coerces each value to its declared type', () => {
    expect(
      coerce([
        'text=123',
        'epochs=10',
        'lr=1e-3',
        'verbose=True',
        'layers=[64, 32]',
        'config={"depth": 2}',
        'mode=slow',
      ]),
    ).toEqual({
      text: '123',
      epochs: 10,
      lr: 0.001,
      verbose: true,
      layers: [64, 32],
      config: { depth: 2 },
      mode: 'slow',
    });
  });

  it('keeps the typed text of a STRING parameter, whatever JSON it looks like', () => {
    expect(coerce(['text=[1, 2]']).text).toBe('[1, 2]');
    expect(coerce(['text="quoted"']).text).toBe('quoted');
    expect(coerce(['text=true']).text).toBe('true');
  });

  it('accepts whole numbers for doubles and integral doubles for integers', () => {
    expect(coerce(['text=a', 'lr=2', 'epochs=4.0'])).toMatchObject({ lr: 2, epochs: 4 });
  });

  it.each([
    ['epochs=ten', 'epochs', 'expects an integer (NUMBER_INTEGER), got "ten"'],
    ['epochs=1.5', 'epochs', 'expects an integer'],
    ['lr=fast', 'lr', 'expects a number (NUMBER_DOUBLE)'],
    ['verbose=yes', 'verbose', 'expects true or false (BOOLEAN)'],
    ['layers=64', 'layers', 'expects a JSON list'],
    ['config=[1]', 'config', 'expects a JSON object'],
    ['mode=medium', 'mode', 'must be one of "fast", "slow"'],
  ])('refuses %s, naming the parameter', (arg, name, message) => {
    const error = failure(() => coerce(['text=x', arg]));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(new RegExp(`^-p ${name}: `));
    expect(error.message).toContain(message);
    expect(error.details).toEqual({ field: name });
  });

  it('refuses an unknown name and lists the inputs there are', () => {
    const error = failure(() => coerce(['text=x', 'epoch=3']));
    expect(error.message).toContain('-p epoch: the pipeline has no parameter "epoch"');
    expect(error.message).toContain('epochs (NUMBER_INTEGER, default 3)');
  });

  it('says so when the pipeline takes no parameters at all', () => {
    expect(failure(() => coerce(['x=1'], {})).message).toContain('it takes none');
  });

  it('names the required inputs that are missing', () => {
    const error = failure(() => coerce([]));
    expect(error.message).toBe(
      '-p text: the pipeline needs -p text=… (STRING): it has no default.',
    );
  });

  it('passes values through unchecked when the inputs are unknown', () => {
    expect(coerceParameters(parseParameterArgs(['anything=[1]', 'x=y']), undefined)).toEqual({
      anything: [1],
      x: 'y',
    });
  });
});
