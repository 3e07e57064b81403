import { collected } from '../collected.js';
import { containerComponent } from '../container-component.js';
import { param } from '../parameter.js';
import { pipeline } from '../pipeline.js';
import { forEach } from '../for-each.js';
import { fstring } from '../fstring.js';

/** DSL versions of corpus pipelines about passing data: fan-in, nesting, f-strings. */

/** Stand-ins for the corpus's lightweight Python components: same signature, trivial command. */
const image = 'python:3.11';
const run = (name: string) => () => ['python3', '-c', name];

export function collectedParameters() {
  const splitIds = containerComponent({
    name: 'split-ids',
    image,
    inputs: { ids: param.string() },
    outputs: { Output: param.list() },
    command: run('split-ids'),
  });
  const prependId = containerComponent({
    name: 'prepend-id',
    image,
    inputs: { content: param.string() },
    outputs: { Output: param.string() },
    command: run('prepend-id'),
  });
  const consumeSingle = containerComponent({
    name: 'consume-single-id',
    image,
    inputs: { id: param.string() },
    outputs: { Output: param.string() },
    command: run('consume-single-id'),
  });
  const consumeIds = containerComponent({
    name: 'consume-ids',
    image,
    inputs: { ids: param.list({ items: 'string' }) },
    outputs: { Output: param.string() },
    command: run('consume-ids'),
  });
  const collecting = pipeline(
    { name: 'collecting-parameters', inputs: { model_ids: param.string({ default: '' }) } },
    ({ inputs }) => {
      const split = splitIds({ ids: inputs.model_ids });
      let prepended: ReturnType<typeof prependId> | undefined;
      forEach(split.outputs.Output, (id) => {
        prepended = prependId({ content: id }).setCaching(false);
        consumeSingle({ id: prepended.outputs.Output }).setCaching(false);
      });
      if (prepended === undefined) throw new Error('the loop body did not run');
      const ids = collected(prepended.outputs.Output);
      consumeIds({ ids }).setCaching(false);
      return { Output: ids };
    },
  );
  return pipeline({ name: 'collected-param-pipeline' }, () => {
    const dag = collecting({ model_ids: 's1,s2,s3' }).setCaching(false);
    consumeIds({ ids: dag.outputs.Output }).setCaching(false);
  });
}

export function paramsContainingFormat() {
  const printOp = containerComponent({
    name: 'print-op',
    image,
    inputs: { text: param.string() },
    outputs: { Output: param.string() },
    command: run('print-op'),
  });
  const printOp2 = containerComponent({
    name: 'print-op2',
    image,
    inputs: { text1: param.string(), text2: param.string() },
    outputs: { Output: param.string() },
    command: run('print-op2'),
  });
  return pipeline(
    {
      name: 'pipeline-with-pipelineparam-containing-format',
      inputs: { name: param.string({ default: 'KFP' }) },
    },
    ({ inputs }) => {
      const hello = printOp({ text: fstring`Hello ${inputs.name}` });
      printOp({ text: fstring`${hello.outputs.Output}, again.` });
      forEach(['1', '2'], (item) => {
        printOp2({ text1: item, text2: fstring` and ${inputs.name}.` });
      });
    },
  );
}
