import { describe, expect, it } from 'vitest';
import type { ComponentSpec } from '../ir/pipeline-spec.js';
import {
  buildExecutorInput,
  localPathOf,
  plannedOutputArtifacts,
  taskLayout,
} from './executor-input.js';

const component: ComponentSpec = {
  executorLabel: 'exec-train',
  outputDefinitions: {
    parameters: { Output: { parameterType: 'STRING' } },
    artifacts: { model: { artifactType: { schemaTitle: 'system.Model', schemaVersion: '0.0.1' } } },
  },
};

describe('taskLayout', () => {
  it('puts a task under <pipelineRoot>/<task path>/<taskId>/', () => {
    const layout = taskLayout('/root', ['for-loop-1', 'iteration-0', 'train'], 't1');
    expect(layout.taskRoot).toBe('/root/for-loop-1/iteration-0/train/t1');
    expect(layout.artifactUri('model')).toBe('/root/for-loop-1/iteration-0/train/t1/model');
    expect(layout.parameterFile('Output')).toBe(
      '/root/for-loop-1/iteration-0/train/t1/parameters/Output',
    );
    expect(layout.executorOutputFile).toBe(
      '/root/for-loop-1/iteration-0/train/t1/executor_output.json',
    );
  });

  it('keeps path segments inside the pipeline root', () => {
    expect(taskLayout('/root', ['..', 'a/b'], 't1').taskRoot).toBe('/root/_/a_b/t1');
  });
});

describe('buildExecutorInput', () => {
  it('has the shape of KFP ExecutorInput', () => {
    const layout = taskLayout('/root', ['train'], 't1');
    let n = 0;
    const planned = plannedOutputArtifacts(component, layout, () => `art-${++n}`);
    const dataset = {
      artifactId: 'd1',
      name: 'data',
      type: { schemaTitle: 'system.Dataset' },
      uri: '/root/x/data',
      metadata: { rows: 2 },
    };
    const input = buildExecutorInput(
      component,
      { parameters: { epochs: 3 }, artifacts: { data: [dataset] } },
      planned,
      layout,
    );
    expect(input).toEqual({
      inputs: {
        parameterValues: { epochs: 3 },
        artifacts: {
          data: {
            artifacts: [
              {
                name: 'data',
                type: { schemaTitle: 'system.Dataset' },
                uri: '/root/x/data',
                metadata: { rows: 2 },
              },
            ],
          },
        },
      },
      outputs: {
        parameters: { Output: { outputFile: '/root/train/t1/parameters/Output' } },
        artifacts: {
          model: {
            artifacts: [
              {
                name: 'model',
                type: { schemaTitle: 'system.Model', schemaVersion: '0.0.1' },
                uri: '/root/train/t1/model',
                metadata: {},
              },
            ],
          },
        },
        outputFile: '/root/train/t1/executor_output.json',
      },
    });
    expect(planned.model?.artifactId).toBe('art-1');
  });
});

describe('localPathOf', () => {
  it('maps remote schemes as KFP does and keeps local paths', () => {
    expect(localPathOf('gs://bucket/a.txt')).toBe('/gcs/bucket/a.txt');
    expect(localPathOf('minio://mlpipeline/x')).toBe('/minio/mlpipeline/x');
    expect(localPathOf('s3://b/k')).toBe('/s3/b/k');
    expect(localPathOf('/data/file')).toBe('/data/file');
  });
});
