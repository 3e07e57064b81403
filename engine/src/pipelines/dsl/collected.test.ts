import { describe, expect, it } from 'vitest';
import { artifact } from './artifact.js';
import { collected } from './collected.js';
import { compile } from './compile.js';
import { containerComponent } from './container-component.js';
import { forEach } from './for-each.js';
import { pipeline } from './pipeline.js';
import type { PipelineTask } from './pipeline-task.js';
import { compileChecked } from './testing/compile-checked.js';
import { echo, square, sum } from './testing/sample-components.js';
import { when } from './when.js';

const gallery = containerComponent({
  name: 'gallery',
  image: 'alpine:3',
  inputs: { plots: artifact.html({ list: true }) },
  command: ({ inputs }) => ['ls', inputs.plots.path],
});

type Square = PipelineTask<ReturnType<typeof square>['outputs']>;

describe('collected', () => {
  it('re-exports each iteration as a LIST output of the loop', () => {
    const p = pipeline({ name: 'fan-in' }, () => {
      let s: Square | undefined;
      forEach([1, 2, 3], (x) => {
        s = square({ x });
      });
      if (s === undefined) return;
      sum({ values: collected(s.outputs.y) });
      gallery({ plots: collected(s.outputs.plot) });
    });
    const spec = compileChecked(p);
    const loop = spec.components?.['comp-for-loop-2'];
    expect(loop?.outputDefinitions).toEqual({
      parameters: { 'pipelinechannel--square-y': { parameterType: 'LIST' } },
      artifacts: {
        'pipelinechannel--square-plot': {
          artifactType: { schemaTitle: 'system.HTML', schemaVersion: '0.0.1' },
          isArtifactList: true,
        },
      },
    });
    expect(loop?.dag?.outputs).toEqual({
      parameters: {
        'pipelinechannel--square-y': {
          valueFromParameter: { producerSubtask: 'square', outputParameterKey: 'y' },
        },
      },
      artifacts: {
        'pipelinechannel--square-plot': {
          artifactSelectors: [{ producerSubtask: 'square', outputArtifactKey: 'plot' }],
        },
      },
    });
    expect(spec.root.dag?.tasks.sum).toMatchObject({
      dependentTasks: ['for-loop-2'],
      inputs: {
        parameters: {
          values: {
            taskOutputParameter: {
              producerTask: 'for-loop-2',
              outputParameterKey: 'pipelinechannel--square-y',
            },
          },
        },
      },
    });
    expect(spec.root.dag?.tasks.gallery?.inputs?.artifacts).toEqual({
      plots: {
        taskOutputArtifact: {
          producerTask: 'for-loop-2',
          outputArtifactKey: 'pipelinechannel--square-plot',
        },
      },
    });
  });

  it('surfaces through nested loops and returns as a pipeline output', () => {
    const p = pipeline({ name: 'nested-fan-in' }, () => {
      let s: Square | undefined;
      forEach([1, 2], (a) => {
        forEach([3, 4], () => {
          s = square({ x: a });
        });
      });
      if (s === undefined) throw new Error('no task');
      return { squares: collected(s.outputs.y) };
    });
    const spec = compileChecked(p);
    expect(spec.components?.['comp-for-loop-4']?.dag?.outputs?.parameters).toEqual({
      'pipelinechannel--square-y': {
        valueFromParameter: { producerSubtask: 'square', outputParameterKey: 'y' },
      },
    });
    expect(spec.components?.['comp-for-loop-2']?.dag?.outputs?.parameters).toEqual({
      'pipelinechannel--square-y': {
        valueFromParameter: {
          producerSubtask: 'for-loop-4',
          outputParameterKey: 'pipelinechannel--square-y',
        },
      },
    });
    expect(spec.root.outputDefinitions).toEqual({
      parameters: { squares: { parameterType: 'LIST' } },
    });
    expect(spec.root.dag?.outputs).toEqual({
      parameters: {
        squares: {
          valueFromParameter: {
            producerSubtask: 'for-loop-2',
            outputParameterKey: 'pipelinechannel--square-y',
          },
        },
      },
    });
  });

  describe('rejects', () => {
    it('collecting an output from outside any loop', () => {
      const p = pipeline({ name: 'no-loop' }, () => {
        sum({ values: collected(square({ x: 1 }).outputs.y) });
      });
      expect(() => compile(p)).toThrow(/collected\(\) fans in the iterations of a loop/);
    });

    it('collecting from a loop inside a condition, from outside it', () => {
      const p = pipeline({ name: 'in-condition' }, () => {
        const gate = echo({ msg: 'x' });
        let s: Square | undefined;
        when(gate.outputs.out.eq('go'), () => {
          forEach([1], (x) => {
            s = square({ x });
          });
        });
        if (s !== undefined) sum({ values: collected(s.outputs.y) });
      });
      expect(() => compile(p)).toThrow(/from a loop inside condition-1/);
    });
  });
});
