import { describe, expect, it } from 'vitest';
import type { DagSpec } from '../ir/pipeline-spec.js';
import { resolveDagOutputs } from './dag-outputs.js';
import type { TaskOutcome } from './task-outcome.js';

const artifact = (id: string) => ({
  artifactId: id,
  name: 'a',
  type: {},
  uri: `/r/${id}`,
  metadata: {},
});
const done = (state: TaskOutcome['state'], parameters = {}, artifacts = {}): TaskOutcome => ({
  state,
  outputs: { parameters, artifacts },
  taskId: 'x',
});

const dag: DagSpec = {
  tasks: {},
  outputs: {
    parameters: {
      direct: { valueFromParameter: { producerSubtask: 'core', outputParameterKey: 'Output' } },
      oneof: {
        valueFromOneof: {
          parameterSelectors: [
            { producerSubtask: 'condition-2', outputParameterKey: 'a' },
            { producerSubtask: 'condition-3', outputParameterKey: 'b' },
          ],
        },
      },
    },
    artifacts: {
      picked: {
        artifactSelectors: [
          { producerSubtask: 'condition-2', outputArtifactKey: 'x' },
          { producerSubtask: 'condition-3', outputArtifactKey: 'y' },
        ],
      },
    },
  },
};

describe('resolveDagOutputs', () => {
  it('takes OneOf values from the branch that ran', () => {
    const results = new Map<string, TaskOutcome>([
      ['core', done('SUCCEEDED', { Output: 'c' })],
      ['condition-2', done('SKIPPED')],
      ['condition-3', done('SUCCEEDED', { b: 'tails' }, { y: [artifact('y1')] })],
    ]);
    expect(resolveDagOutputs(dag, results)).toEqual({
      parameters: { direct: 'c', oneof: 'tails' },
      artifacts: { picked: [artifact('y1')] },
    });
  });

  it('leaves out outputs whose producers were skipped', () => {
    const results = new Map<string, TaskOutcome>([
      ['core', done('SKIPPED')],
      ['condition-2', done('SKIPPED')],
      ['condition-3', done('SKIPPED')],
    ]);
    expect(resolveDagOutputs(dag, results)).toEqual({ parameters: {}, artifacts: {} });
  });
});
