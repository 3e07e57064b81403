import { describe, expect, it } from 'vitest';
import { artifact } from './artifact.js';
import { compile } from './compile.js';
import { containerComponent } from './container-component.js';
import { param } from './parameter.js';
import { pipeline, type Pipeline } from './pipeline.js';
import type { Empty } from './signature.js';
import { compileChecked } from './testing/compile-checked.js';
import { echo, readData } from './testing/sample-components.js';
import { when } from './when.js';

const makeData = containerComponent({
  name: 'make-data',
  image: 'alpine:3',
  inputs: { rows: param.int() },
  outputs: { data: artifact.dataset(), summary: param.string() },
  command: ({ inputs, outputs }) => ['make', inputs.rows, outputs.data.path, outputs.summary.path],
});

const prepare = pipeline(
  { name: 'prepare', inputs: { rows: param.int({ default: 10 }) } },
  ({ inputs }) => {
    const made = makeData({ rows: inputs.rows });
    when(inputs.rows.gt(100), () => echo({ msg: 'big' }));
    return { data: made.outputs.data, summary: made.outputs.summary };
  },
);

describe('pipeline', () => {
  it('nests a pipeline as a component: its root becomes the task component', () => {
    const p = pipeline({ name: 'outer' }, () => {
      const first = prepare({ rows: 5 });
      readData({ data: first.outputs.data });
      const second = prepare();
      echo({ msg: second.outputs.summary });
    });
    const spec = compileChecked(p);
    expect(spec.root.dag?.tasks.prepare).toMatchObject({
      componentRef: { name: 'comp-prepare' },
      inputs: { parameters: { rows: { runtimeValue: { constant: 5 } } } },
    });
    expect(spec.root.dag?.tasks['read-data']?.inputs?.artifacts).toEqual({
      data: { taskOutputArtifact: { producerTask: 'prepare', outputArtifactKey: 'data' } },
    });
    const inner = spec.components?.['comp-prepare'];
    expect(inner?.inputDefinitions?.parameters?.rows).toEqual({
      parameterType: 'NUMBER_INTEGER',
      defaultValue: 10,
      isOptional: true,
    });
    expect(inner?.dag?.outputs).toEqual({
      artifacts: {
        data: { artifactSelectors: [{ producerSubtask: 'make-data', outputArtifactKey: 'data' }] },
      },
      parameters: {
        summary: {
          valueFromParameter: { producerSubtask: 'make-data', outputParameterKey: 'summary' },
        },
      },
    });
    // The second copy's components and executors are renamed where they clash, as KFP does.
    expect(Object.keys(spec.components ?? {}).sort()).toEqual([
      'comp-condition-1',
      'comp-condition-1-2',
      'comp-echo',
      'comp-echo-2',
      'comp-echo-3',
      'comp-make-data',
      'comp-make-data-2',
      'comp-prepare',
      'comp-prepare-2',
      'comp-read-data',
    ]);
    expect(spec.components?.['comp-prepare-2']?.dag?.tasks['condition-1']?.componentRef.name).toBe(
      'comp-condition-1-2',
    );
    expect(spec.components?.['comp-make-data-2']?.executorLabel).toBe('exec-make-data-2');
    expect(Object.keys(spec.deploymentSpec?.executors ?? {}).sort()).toEqual([
      'exec-echo',
      'exec-echo-2',
      'exec-echo-3',
      'exec-make-data',
      'exec-make-data-2',
      'exec-read-data',
    ]);
  });

  it('writes description and display name into pipelineInfo', () => {
    const p = pipeline({ name: 'info', description: 'Does things.', displayName: 'Info' }, () => {
      echo({ msg: 'x' });
    });
    expect(compileChecked(p).pipelineInfo).toEqual({
      name: 'info',
      description: 'Does things.',
      displayName: 'Info',
    });
  });

  describe('rejects', () => {
    it('an output produced inside a condition', () => {
      const p = pipeline({ name: 'inside', inputs: { n: param.int() } }, ({ inputs }) => {
        let out: ReturnType<typeof echo> | undefined;
        when(inputs.n.gt(1), () => {
          out = echo({ msg: 'x' });
        });
        return out === undefined ? undefined : { text: out.outputs.out };
      });
      expect(() => compile(p)).toThrow(/runs inside a condition, loop or exit handler/);
    });

    it('a value from another pipeline', () => {
      const leaky = pipeline({ name: 'leaky', inputs: { word: param.string() } }, ({ inputs }) => {
        const inner = pipeline({ name: 'inner' }, () => {
          echo({ msg: inputs.word });
        });
        inner();
      });
      expect(() => compile(leaky)).toThrow(/belongs to another pipeline/);
    });

    it('a pipeline that calls itself', () => {
      const loop: Pipeline<Empty, Empty> = pipeline({ name: 'again' }, () => {
        loop();
      });
      expect(() => compile(loop)).toThrow(/calls itself/);
    });

    it('a .after() cycle', () => {
      const p = pipeline({ name: 'cycle' }, () => {
        const a = echo({ msg: 'a' });
        const b = echo({ msg: a.outputs.out });
        a.after(b);
      });
      expect(() => compile(p)).toThrow(
        /dependency cycle: echo → echo-2 → echo|dependency cycle: echo-2 → echo → echo-2/,
      );
    });
  });
});
