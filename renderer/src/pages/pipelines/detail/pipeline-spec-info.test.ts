import { describe, expect, it } from 'vitest';
import { controlFlowSpec } from '../../../graph/testing/spec-fixtures';
import { componentInfo, pipelineInputs } from './pipeline-spec-info';

const spec = {
  root: {
    inputDefinitions: {
      parameters: {
        c: { parameterType: 'NUMBER_DOUBLE', defaultValue: 1, isOptional: true },
        name: { parameterType: 'STRING', description: 'Who to greet' },
      },
      artifacts: {
        data: { artifactType: { schemaTitle: 'system.Dataset' }, isArtifactList: true },
      },
    },
  },
  components: {
    'comp-train': {
      executorLabel: 'exec-train',
      inputDefinitions: { parameters: { c: { parameterType: 'NUMBER_DOUBLE' } } },
      outputDefinitions: {
        artifacts: { model: { artifactType: { schemaTitle: 'system.Model' } } },
      },
    },
  },
  deploymentSpec: {
    executors: {
      'exec-train': {
        container: {
          image: 'python:3.11',
          command: ['python3', '-c'],
          args: ['--c', "{{$.inputs.parameters['c']}}"],
        },
      },
    },
  },
};

describe('pipeline spec info', () => {
  it('lists the pipeline inputs with types and defaults', () => {
    expect(pipelineInputs(spec)).toEqual([
      { name: 'c', type: 'NUMBER_DOUBLE', defaultText: '1', optional: true, description: '' },
      {
        name: 'name',
        type: 'STRING',
        defaultText: '',
        optional: false,
        description: 'Who to greet',
      },
      {
        name: 'data',
        type: 'List[system.Dataset]',
        defaultText: '',
        optional: false,
        description: '',
      },
    ]);
    expect(pipelineInputs(undefined)).toEqual([]);
  });

  it('describes a container component', () => {
    const info = componentInfo({ pipeline_spec: spec }, 'comp-train');
    expect(info).toMatchObject({
      kind: 'container',
      image: 'python:3.11',
      command: ['python3', '-c'],
      args: ['--c', "{{$.inputs.parameters['c']}}"],
    });
    expect(info.inputs.map((i) => i.name)).toEqual(['c']);
    expect(info.outputs).toMatchObject([{ name: 'model', type: 'system.Model' }]);
  });

  it('describes importers, sub-DAGs and missing components', () => {
    const flow = controlFlowSpec();
    expect(componentInfo(flow, 'comp-load')).toMatchObject({
      kind: 'importer',
      artifactUri: 'file:///data',
    });
    expect(componentInfo(flow, 'comp-condition-1').kind).toBe('dag');
    expect(componentInfo(flow, 'comp-nothing').kind).toBe('unknown');
  });
});
