import { artifact } from '../artifact.js';
import { containerComponent } from '../container-component.js';
import { param } from '../parameter.js';

/** Small components the DSL's tests wire together. */

export const produce = containerComponent({
  name: 'produce',
  image: 'alpine:3',
  outputs: {
    text: param.string(),
    count: param.int(),
    score: param.double(),
    items: param.list({ items: 'int' }),
    data: artifact.dataset(),
  },
  command: ({ outputs }) => [
    'produce',
    outputs.text.path,
    outputs.count.path,
    outputs.score.path,
    outputs.items.path,
    outputs.data.path,
  ],
});

export const echo = containerComponent({
  name: 'echo',
  image: 'alpine:3',
  inputs: { msg: param.string() },
  outputs: { out: param.string() },
  command: ({ inputs, outputs }) => ['echo', inputs.msg, outputs.out.path],
});

export const square = containerComponent({
  name: 'square',
  image: 'alpine:3',
  inputs: { x: param.int() },
  outputs: { y: param.int(), plot: artifact.html() },
  command: ({ inputs, outputs }) => ['square', inputs.x, outputs.y.path, outputs.plot.path],
});

export const readData = containerComponent({
  name: 'read-data',
  image: 'alpine:3',
  inputs: { data: artifact.dataset() },
  command: ({ inputs }) => ['cat', inputs.data.path],
});

export const sum = containerComponent({
  name: 'sum',
  image: 'alpine:3',
  inputs: { values: param.list({ items: 'int' }) },
  outputs: { total: param.int() },
  command: ({ inputs, outputs }) => ['sum', inputs.values, outputs.total.path],
});

export const notify = containerComponent({
  name: 'notify',
  image: 'alpine:3',
  inputs: { status: param.finalStatus(), channel: param.string({ default: '#ml' }) },
  command: ({ inputs }) => ['notify', inputs.channel, inputs.status],
});
