import { describe, expect, it } from 'vitest';
import { SkiffError } from '../../core/errors.js';
import { compile } from './compile.js';
import { pipeline } from './pipeline.js';
import { echo, produce, readData } from './testing/sample-components.js';

describe('a component call rejects wrong wiring with an actionable error', () => {
  const cases: [string, () => void, RegExp][] = [
    [
      'an unknown input',
      () => echo({ msg: 'x', nope: 1 } as never),
      /has no input "nope" \(inputs: msg\)/,
    ],
    ['a missing input', () => echo({} as never), /needs a value for input "msg"/],
    ['a wrong constant', () => echo({ msg: 3 } as never), /is STRING, but got 3/],
    [
      'an artifact of another type',
      () => readData({ data: produce().outputs.text } as never),
      /takes an artifact/,
    ],
    [
      'a parameter of another type',
      () => echo({ msg: produce().outputs.count } as never),
      /a NUMBER_INTEGER value cannot be passed to a STRING input/,
    ],
    [
      'a bad cpu amount',
      () => echo({ msg: 'x' }).setResources({ cpuLimit: 'lots' }),
      /not a CPU amount/,
    ],
  ];
  it.each(cases)('%s', (_name, body, message) => {
    const p = pipeline({ name: 'wrong' }, body);
    expect(() => compile(p)).toThrow(message);
    expect(() => compile(p)).toThrow(SkiffError);
  });

  it('an unknown output', () => {
    const p = pipeline({ name: 'unknown-output' }, () => {
      const data = produce();
      echo({ msg: (data.outputs as Record<string, unknown>).txt as string });
    });
    expect(() => compile(p)).toThrow(
      'Task "produce" has no output "txt" (outputs: text, count, score, items, data).',
    );
  });

  it('a component called outside a pipeline body', () => {
    expect(() => echo({ msg: 'x' })).toThrow(/can only be called inside a pipeline body/);
  });

  it('an invalid pipeline name', () => {
    expect(() => pipeline({ name: 'Not_Valid' }, () => undefined)).toThrow(/is not valid/);
  });
});
