import { exitHandler } from '../exit-handler.js';
import { forEach } from '../for-each.js';
import { fstring } from '../fstring.js';
import { containerComponent } from '../container-component.js';
import { param } from '../parameter.js';
import { pipeline } from '../pipeline.js';
import { when } from '../when.js';

/** DSL versions of corpus pipelines about control flow: conditions, loops, exit handlers. */

/** Stand-ins for the corpus's lightweight Python components: same signature, trivial command. */
const image = 'python:3.11';
const run = (name: string) => () => ['python3', '-c', name];

export function flipCoin() {
  const flip = containerComponent({
    name: 'flip-coin',
    image,
    outputs: { Output: param.string() },
    command: run('flip-coin'),
  });
  const randomNum = containerComponent({
    name: 'random-num',
    image,
    inputs: { low: param.int(), high: param.int() },
    outputs: { Output: param.int() },
    command: run('random-num'),
  });
  const printMsg = containerComponent({
    name: 'print-msg',
    image,
    inputs: { msg: param.string() },
    command: run('print-msg'),
  });
  return pipeline(
    { name: 'conditional-execution-pipeline', description: 'Shows how to use dsl.If().' },
    () => {
      const coin = flip().setCaching(false);
      for (const [side, low, high, threshold] of [
        ['heads', 0, 9, 5],
        ['tails', 10, 19, 15],
      ] as const) {
        when(coin.outputs.Output.eq(side), () => {
          const n = randomNum({ low, high }).setCaching(false);
          when(n.outputs.Output.gt(threshold), () => {
            printMsg({ msg: fstring`${side} and ${n.outputs.Output} > ${threshold}!` }).setCaching(
              false,
            );
          });
          when(n.outputs.Output.le(threshold), () => {
            printMsg({ msg: fstring`${side} and ${n.outputs.Output} <= ${threshold}!` }).setCaching(
              false,
            );
          });
        });
      }
    },
  );
}

export function loops() {
  const argsGenerator = containerComponent({
    name: 'args-generator-op',
    image,
    outputs: { Output: param.list({ items: 'struct' }) },
    command: run('args-generator-op'),
  });
  const printText = containerComponent({
    name: 'print-text',
    image,
    inputs: { msg: param.string() },
    command: run('print-text'),
  });
  const printStruct = containerComponent({
    name: 'print-struct',
    image,
    inputs: { struct: param.struct() },
    command: run('print-struct'),
  });
  return pipeline(
    {
      name: 'pipeline-with-loops',
      inputs: { loop_parameter: param.list({ default: ['a', 'b'] }) },
    },
    ({ inputs }) => {
      const args = argsGenerator();
      forEach(inputs.loop_parameter, (item) => printText({ msg: item }));
      forEach(args.outputs.Output, (item) => {
        printStruct({ struct: item });
        printText({ msg: item.field('A_a') });
        printText({ msg: item.field('B_b') });
      });
      const raw = [
        { A_a: '1', B_b: '2' },
        { A_a: '10', B_b: '20' },
      ];
      forEach(raw, (item) => {
        printStruct({ struct: item });
        printText({ msg: item.field('A_a') });
        printText({ msg: item.field('B_b') });
      });
    },
  );
}

export function multipleExitHandlers() {
  const printOp = containerComponent({
    name: 'print-op',
    image,
    inputs: { message: param.string() },
    command: run('print-op'),
  });
  const failOp = containerComponent({
    name: 'fail-op',
    image,
    inputs: { message: param.string() },
    command: run('fail-op'),
  });
  return pipeline(
    {
      name: 'pipeline-with-multiple-exit-handlers',
      inputs: { message: param.string({ default: 'Hello World!' }) },
    },
    ({ inputs }) => {
      exitHandler(printOp({ message: 'First exit handler has worked!' }), () => {
        failOp({ message: 'Task failed.' });
        printOp({ message: inputs.message });
      });
      exitHandler(printOp({ message: 'Second exit handler has worked!' }), () => {
        printOp({ message: inputs.message });
      });
      exitHandler(printOp({ message: 'Third exit handler has worked!' }), () => {
        printOp({ message: inputs.message });
      });
    },
  );
}
