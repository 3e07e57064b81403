import { describe, expect, it } from 'vitest';
import { compile } from './compile.js';
import { containerComponent } from './container-component.js';
import { forEach } from './for-each.js';
import { param } from './parameter.js';
import { pipeline } from './pipeline.js';
import { compileChecked } from './testing/compile-checked.js';
import { echo, produce, square } from './testing/sample-components.js';
import { when } from './when.js';

const train = containerComponent({
  name: 'train',
  image: 'alpine:3',
  inputs: { lr: param.double(), name: param.string() },
  command: ({ inputs }) => ['train', inputs.lr, inputs.name],
});

describe('forEach', () => {
  it('loops over a literal list with a numbered item, sorted raw JSON and parallelism', () => {
    const p = pipeline({ name: 'literal' }, () => {
      forEach(
        [
          { name: 'b', lr: 0.1 },
          { name: 'é', lr: 0.01 },
        ],
        (config) => {
          train({ lr: config.field('lr'), name: config.field('name') });
        },
        { parallelism: 2 },
      );
    });
    const spec = compileChecked(p);
    expect(spec.root.dag?.tasks['for-loop-2']).toEqual({
      taskInfo: { name: 'for-loop-2' },
      componentRef: { name: 'comp-for-loop-2' },
      parameterIterator: {
        items: { raw: '[{"lr": 0.1, "name": "b"}, {"lr": 0.01, "name": "\\u00e9"}]' },
        itemInput: 'pipelinechannel--loop-item-param-1',
      },
      iteratorPolicy: { parallelismLimit: 2 },
    });
    const loop = spec.components?.['comp-for-loop-2'];
    expect(loop?.inputDefinitions).toEqual({
      parameters: { 'pipelinechannel--loop-item-param-1': { parameterType: 'STRUCT' } },
    });
    expect(loop?.dag?.tasks.train?.inputs?.parameters).toEqual({
      lr: {
        componentInputParameter: 'pipelinechannel--loop-item-param-1',
        parameterExpressionSelector: 'parseJson(string_value)["lr"]',
      },
      name: {
        componentInputParameter: 'pipelinechannel--loop-item-param-1',
        parameterExpressionSelector: 'parseJson(string_value)["name"]',
      },
    });
  });

  it('loops over a pipeline LIST input, typed by its items', () => {
    const p = pipeline(
      { name: 'over-input', inputs: { xs: param.list({ items: 'int', default: [1, 2] }) } },
      ({ inputs }) => {
        forEach(inputs.xs, (x) => {
          square({ x });
        });
      },
    );
    const spec = compileChecked(p);
    expect(spec.root.dag?.tasks['for-loop-1']).toMatchObject({
      inputs: { parameters: { 'pipelinechannel--xs': { componentInputParameter: 'xs' } } },
      parameterIterator: {
        items: { inputParameter: 'pipelinechannel--xs' },
        itemInput: 'pipelinechannel--xs-loop-item',
      },
    });
    expect(spec.components?.['comp-for-loop-1']?.inputDefinitions?.parameters).toEqual({
      'pipelinechannel--xs': { parameterType: 'LIST' },
      'pipelinechannel--xs-loop-item': { parameterType: 'NUMBER_INTEGER' },
    });
  });

  it('loops over a task output, depending on the producer, with conditions inside', () => {
    const p = pipeline({ name: 'over-output' }, () => {
      const data = produce();
      forEach(data.outputs.items, (x) => {
        const s = square({ x });
        when(s.outputs.y.gt(data.outputs.count), () => echo({ msg: data.outputs.text }));
      });
    });
    const spec = compileChecked(p);
    expect(spec.root.dag?.tasks['for-loop-1']).toMatchObject({
      dependentTasks: ['produce'],
      inputs: {
        parameters: {
          'pipelinechannel--produce-items': {
            taskOutputParameter: { producerTask: 'produce', outputParameterKey: 'items' },
          },
          'pipelinechannel--produce-count': {
            taskOutputParameter: { producerTask: 'produce', outputParameterKey: 'count' },
          },
          'pipelinechannel--produce-text': {
            taskOutputParameter: { producerTask: 'produce', outputParameterKey: 'text' },
          },
        },
      },
    });
    const loopTasks = spec.components?.['comp-for-loop-1']?.dag?.tasks ?? {};
    expect(loopTasks['condition-2']).toMatchObject({
      dependentTasks: ['square'],
      inputs: {
        parameters: {
          'pipelinechannel--square-y': {
            taskOutputParameter: { producerTask: 'square', outputParameterKey: 'y' },
          },
          'pipelinechannel--produce-count': {
            componentInputParameter: 'pipelinechannel--produce-count',
          },
        },
      },
      triggerPolicy: {
        condition:
          "int(inputs.parameter_values['pipelinechannel--square-y']) > " +
          "int(inputs.parameter_values['pipelinechannel--produce-count'])",
      },
    });
  });

  it('nests loops, an inner list drawn from the outer item', () => {
    const grid = containerComponent({
      name: 'grid',
      image: 'alpine:3',
      outputs: { rows: param.list({ items: 'list' }) },
      command: ({ outputs }) => ['grid', outputs.rows.path],
    });
    const p = pipeline({ name: 'nested-loops' }, () => {
      const g = grid();
      forEach(g.outputs.rows, (row) => {
        forEach(row, (cell) => square({ x: cell }), { items: 'int' });
      });
    });
    const spec = compileChecked(p);
    expect(spec.components?.['comp-for-loop-1']?.dag?.tasks['for-loop-2']).toMatchObject({
      inputs: {
        parameters: {
          'pipelinechannel--grid-rows-loop-item': {
            componentInputParameter: 'pipelinechannel--grid-rows-loop-item',
          },
        },
      },
      parameterIterator: {
        items: { inputParameter: 'pipelinechannel--grid-rows-loop-item' },
        itemInput: 'pipelinechannel--grid-rows-loop-item-loop-item',
      },
    });
    expect(spec.components?.['comp-for-loop-2']?.inputDefinitions?.parameters).toEqual({
      'pipelinechannel--grid-rows-loop-item': { parameterType: 'LIST' },
      'pipelinechannel--grid-rows-loop-item-loop-item': { parameterType: 'NUMBER_INTEGER' },
    });
  });

  describe('rejects', () => {
    it('an empty list', () => {
      const p = pipeline({ name: 'empty' }, () => forEach([], () => undefined));
      expect(() => compile(p)).toThrow(/at least one item/);
    });

    it('a negative parallelism', () => {
      const p = pipeline({ name: 'neg' }, () => forEach([1], () => undefined, { parallelism: -1 }));
      expect(() => compile(p)).toThrow(/parallelism must be a whole number/);
    });

    it('a per-iteration output read outside the loop without collected()', () => {
      const p = pipeline({ name: 'leak' }, () => {
        let inner: ReturnType<typeof square> | undefined;
        forEach([1, 2], (x) => {
          inner = square({ x });
        });
        if (inner !== undefined) square({ x: inner.outputs.y });
      });
      expect(() => compile(p)).toThrow(/Wrap the output in collected\(\.\.\.\)/);
    });

    it('a loop item used after its loop', () => {
      const p = pipeline({ name: 'escaped-item' }, () => {
        let item: Parameters<typeof square>[0]['x'] = 0;
        forEach([1, 2], (x) => {
          item = x;
        });
        square({ x: item });
      });
      expect(() => compile(p)).toThrow(
        /the item of for-loop-2 is only defined inside its forEach\(\) body/,
      );
    });

    it('a field of something that is not a loop item', () => {
      const p = pipeline({ name: 'field', inputs: { cfg: param.struct() } }, ({ inputs }) => {
        echo({ msg: inputs.cfg.field('a') });
      });
      expect(() => compile(p)).toThrow(/reads a field of a loop item/);
    });
  });

  it('lets a task after the loop wait for all of it with .after()', () => {
    const p = pipeline({ name: 'after-loop' }, () => {
      let inner: ReturnType<typeof square> | undefined;
      forEach([1, 2], (x) => {
        inner = square({ x });
      });
      if (inner !== undefined) echo({ msg: 'done' }).after(inner);
    });
    expect(compileChecked(p).root.dag?.tasks.echo?.dependentTasks).toEqual(['for-loop-2']);
  });
});
