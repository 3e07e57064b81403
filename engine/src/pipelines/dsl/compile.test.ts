import { describe, expect, it } from 'vitest';
import { artifact } from './artifact.js';
import { compile } from './compile.js';
import { containerComponent } from './container-component.js';
import { fstring } from './fstring.js';
import { param } from './parameter.js';
import { pipeline } from './pipeline.js';
import { compileChecked } from './testing/compile-checked.js';
import { echo, produce } from './testing/sample-components.js';

const train = containerComponent({
  name: 'train_model',
  image: 'python:3.11',
  inputs: {
    lr: param.double({ default: 0.1, description: 'Learning rate' }),
    data: artifact.dataset(),
    epochs: param.int({ optional: true }),
    tags: param.list({ default: ['a'] }),
    config: param.struct({ default: { depth: 3 } }),
    verbose: param.bool({ default: false }),
    baseline: artifact.model({ optional: true }),
  },
  outputs: { model: artifact.model(), accuracy: param.double() },
  command: ({ inputs }) => ['python3', '-c', 'train', inputs.lr, inputs.data.path],
  args: ({ inputs, outputs, executorOutputFile }) => [
    outputs.model.path,
    outputs.accuracy.path,
    inputs.data.uri,
    outputs.model.uri,
    executorOutputFile,
  ],
  env: { PYTHONUNBUFFERED: '1' },
});

describe('compile', () => {
  it('names components, executors and tasks as the KFP compiler does', () => {
    const p = pipeline({ name: 'naming' }, () => {
      const data = produce();
      echo({ msg: data.outputs.text });
      echo({ msg: 'again' });
      train({ data: data.outputs.data });
    });
    const spec = compileChecked(p);
    expect(Object.keys(spec.root.dag?.tasks ?? {}).sort()).toEqual([
      'echo',
      'echo-2',
      'produce',
      'train-model',
    ]);
    expect(spec.root.dag?.tasks['echo-2']?.componentRef.name).toBe('comp-echo-2');
    expect(spec.components?.['comp-echo-2']?.executorLabel).toBe('exec-echo-2');
    expect(spec.components?.['comp-train-model']?.executorLabel).toBe('exec-train-model');
    expect(spec.schemaVersion).toBe('2.1.0');
    expect(spec.pipelineInfo).toEqual({ name: 'naming' });
  });

  it('writes the component interface with types, defaults and optional inputs', () => {
    const p = pipeline({ name: 'interface' }, () => {
      train({ data: produce().outputs.data });
    });
    const spec = compileChecked(p);
    expect(spec.components?.['comp-train-model']).toEqual({
      executorLabel: 'exec-train-model',
      inputDefinitions: {
        parameters: {
          lr: {
            parameterType: 'NUMBER_DOUBLE',
            defaultValue: 0.1,
            isOptional: true,
            description: 'Learning rate',
          },
          epochs: { parameterType: 'NUMBER_INTEGER', isOptional: true },
          tags: { parameterType: 'LIST', defaultValue: ['a'], isOptional: true },
          config: { parameterType: 'STRUCT', defaultValue: { depth: 3 }, isOptional: true },
          verbose: { parameterType: 'BOOLEAN', defaultValue: false, isOptional: true },
        },
        artifacts: {
          data: { artifactType: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' } },
          baseline: {
            artifactType: { schemaTitle: 'system.Model', schemaVersion: '0.0.1' },
            isOptional: true,
          },
        },
      },
      outputDefinitions: {
        parameters: { accuracy: { parameterType: 'NUMBER_DOUBLE' } },
        artifacts: {
          model: { artifactType: { schemaTitle: 'system.Model', schemaVersion: '0.0.1' } },
        },
      },
    });
  });

  it('emits placeholders exactly as KFP does', () => {
    const p = pipeline({ name: 'placeholders' }, () => {
      train({ data: produce().outputs.data });
    });
    const container = compileChecked(p).deploymentSpec?.executors?.['exec-train-model']?.container;
    expect(container).toEqual({
      image: 'python:3.11',
      command: [
        'python3',
        '-c',
        'train',
        "{{$.inputs.parameters['lr']}}",
        "{{$.inputs.artifacts['data'].path}}",
      ],
      args: [
        "{{$.outputs.artifacts['model'].path}}",
        "{{$.outputs.parameters['accuracy'].output_file}}",
        "{{$.inputs.artifacts['data'].uri}}",
        "{{$.outputs.artifacts['model'].uri}}",
        '{{$.outputs.output_file}}',
      ],
      env: [{ name: 'PYTHONUNBUFFERED', value: '1' }],
    });
  });

  it('wires constants, pipeline inputs and task outputs', () => {
    const p = pipeline(
      { name: 'wiring', inputs: { rate: param.double({ default: 0.5 }), raw: artifact.dataset() } },
      ({ inputs }) => {
        const data = produce();
        train({ data: inputs.raw, lr: inputs.rate, epochs: 3, tags: ['x'], config: { depth: 2 } });
        train({ data: data.outputs.data, lr: data.outputs.score });
      },
    );
    const spec = compileChecked(p);
    const tasks = spec.root.dag?.tasks ?? {};
    expect(tasks['train-model']?.inputs).toEqual({
      parameters: {
        lr: { componentInputParameter: 'rate' },
        epochs: { runtimeValue: { constant: 3 } },
        tags: { runtimeValue: { constant: ['x'] } },
        config: { runtimeValue: { constant: { depth: 2 } } },
      },
      artifacts: { data: { componentInputArtifact: 'raw' } },
    });
    expect(tasks['train-model']?.dependentTasks).toBeUndefined();
    expect(tasks['train-model-2']?.inputs).toEqual({
      parameters: {
        lr: { taskOutputParameter: { producerTask: 'produce', outputParameterKey: 'score' } },
      },
      artifacts: {
        data: { taskOutputArtifact: { producerTask: 'produce', outputArtifactKey: 'data' } },
      },
    });
    expect(tasks['train-model-2']?.dependentTasks).toEqual(['produce']);
    expect(spec.root.inputDefinitions).toEqual({
      parameters: { rate: { parameterType: 'NUMBER_DOUBLE', defaultValue: 0.5, isOptional: true } },
      artifacts: {
        raw: { artifactType: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' } },
      },
    });
  });

  it('interpolates run-time values into strings like a KFP f-string', () => {
    const p = pipeline({ name: 'fstrings', inputs: { who: param.string() } }, ({ inputs }) => {
      const data = produce();
      echo({ msg: fstring`hello ${inputs.who}, ${data.outputs.count} rows, ${2} times` });
    });
    const spec = compileChecked(p);
    expect(spec.root.dag?.tasks.echo?.inputs?.parameters).toEqual({
      msg: {
        runtimeValue: {
          constant:
            "hello {{$.inputs.parameters['pipelinechannel--who']}}, " +
            "{{$.inputs.parameters['pipelinechannel--produce-count']}} rows, 2 times",
        },
      },
      'pipelinechannel--who': { componentInputParameter: 'who' },
      'pipelinechannel--produce-count': {
        taskOutputParameter: { producerTask: 'produce', outputParameterKey: 'count' },
      },
    });
    expect(spec.root.dag?.tasks.echo?.dependentTasks).toEqual(['produce']);
  });

  it('returns a fresh copy on every compile', () => {
    const p = pipeline({ name: 'copies' }, () => {
      echo({ msg: 'hi' });
    });
    const first = compile(p);
    first.pipelineInfo.name = 'changed';
    expect(compile(p).pipelineInfo.name).toBe('copies');
  });
});
