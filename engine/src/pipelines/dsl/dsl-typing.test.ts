import { expect, it } from 'vitest';
import { artifact } from './artifact.js';
import { collected } from './collected.js';
import { compile } from './compile.js';
import { containerComponent } from './container-component.js';
import { forEach } from './for-each.js';
import { fstring } from './fstring.js';
import { param } from './parameter.js';
import { pipeline } from './pipeline.js';
import { echo, produce, readData, square, sum } from './testing/sample-components.js';

/**
 * Wrong wiring is a type error. Each `@ts-expect-error` below fails `tsc -p engine` (part
 * of `npm run lint`) if the line it guards ever type-checks; the bodies never run.
 */

const useModel = containerComponent({
  name: 'use-model',
  image: 'alpine:3',
  inputs: { model: artifact.model(), anything: artifact.artifact({ optional: true }) },
  command: ({ inputs }) => ['use', inputs.model.path],
});

const typed = pipeline(
  { name: 'typing', inputs: { rate: param.double(), label: param.string({ default: 'x' }) } },
  ({ inputs }) => {
    const data = produce();
    /* eslint-disable @typescript-eslint/no-unsafe-class-instance-assignment, @typescript-eslint/no-unsafe-assignment --
       the calls below are deliberate type errors */
    // @ts-expect-error a number output into a string input
    echo({ msg: data.outputs.count });
    // @ts-expect-error a Dataset into a Model input
    useModel({ model: data.outputs.data });
    // @ts-expect-error a parameter into an artifact input
    readData({ data: data.outputs.text });
    // @ts-expect-error a required input is missing
    echo({});
    // @ts-expect-error an unknown input
    echo({ msg: 'x', volume: 11 });
    // @ts-expect-error an unknown output
    echo({ msg: data.outputs.nope });
    // @ts-expect-error strings have no order comparison with numbers
    data.outputs.text.gt(1);
    // @ts-expect-error lists cannot be compared
    data.outputs.items.eq([1]);
    // @ts-expect-error an fstring only fits string inputs
    square({ x: fstring`${data.outputs.text}` });
    // @ts-expect-error a list of numbers is not a list of strings
    sum({ values: ['a'] });
    /* eslint-enable @typescript-eslint/no-unsafe-class-instance-assignment, @typescript-eslint/no-unsafe-assignment */

    // What should type-check does.
    readData({ data: data.outputs.data });
    echo({ msg: inputs.label });
    echo({ msg: fstring`rate ${inputs.rate}` });
    forEach([1, 2], (x) => square({ x }));
    forEach([{ name: 'a', n: 1 }], (item) => {
      echo({ msg: item.field('name') });
      square({ x: item.field('n') });
      // @ts-expect-error a field the items don't have
      item.field('missing');
    });
    let s: ReturnType<typeof square> | undefined;
    forEach(data.outputs.items, (x) => {
      s = square({ x });
    });
    if (s !== undefined) sum({ values: collected(s.outputs.y) });
    return { text: data.outputs.text };
  },
);

it('keeps the typed pipeline definable (the checks are compile-time)', () => {
  expect(typed.definition.name).toBe('typing');
  expect(() => compile(typed)).toThrow();
});
