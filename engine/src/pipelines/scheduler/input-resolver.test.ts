import { describe, expect, it } from 'vitest';
import type { ComponentSpec, PipelineTaskSpec } from '../ir/pipeline-spec.js';
import { resolveTaskInputs, type InputSources } from './input-resolver.js';
import type { ArtifactRef } from './run-model.js';
import type { TaskOutcome } from './task-outcome.js';

const model: ArtifactRef = {
  artifactId: 'm1',
  name: 'model',
  type: { schemaTitle: 'system.Model' },
  uri: '/r/m',
  metadata: {},
};

function outcome(state: TaskOutcome['state'], parameters = {}, artifacts = {}): TaskOutcome {
  return {
    state,
    outputs: { parameters, artifacts },
    taskId: `id-${state}`,
    ...(state === 'FAILED' ? { error: { code: 'FAILED_PRECONDITION', message: 'boom' } } : {}),
  };
}

function sources(results: Record<string, TaskOutcome> = {}, parent = {}): InputSources {
  return {
    parent: { parameters: parent, artifacts: { data: [model] } },
    results: new Map(Object.entries(results)),
    jobResourceName: 'job-1',
  };
}

function task(inputs: PipelineTaskSpec['inputs']): PipelineTaskSpec {
  return { taskInfo: { name: 'consumer' }, componentRef: { name: 'comp-consumer' }, inputs };
}

describe('resolveTaskInputs', () => {
  it('takes parent inputs, upstream outputs and constants', () => {
    const spec = task({
      parameters: {
        a: { componentInputParameter: 'x' },
        b: { taskOutputParameter: { producerTask: 'up', outputParameterKey: 'Output' } },
        c: { runtimeValue: { constant: { k: [1] } } },
      },
      artifacts: {
        in_model: { taskOutputArtifact: { producerTask: 'up', outputArtifactKey: 'model' } },
        d: { componentInputArtifact: 'data' },
      },
    });
    const inputs = resolveTaskInputs(
      spec,
      {},
      sources({ up: outcome('SUCCEEDED', { Output: 5 }, { model: [model] }) }, { x: 'hi' }),
    );
    expect(inputs).toEqual({
      parameters: { a: 'hi', b: 5, c: { k: [1] } },
      artifacts: { in_model: [model], d: [model] },
    });
  });

  it('leaves out optional inputs without a value and applies component defaults', () => {
    const component: ComponentSpec = {
      inputDefinitions: {
        parameters: {
          input1: { parameterType: 'STRING', defaultValue: 'default value', isOptional: true },
          input3: { parameterType: 'STRING', isOptional: true },
        },
      },
    };
    const inputs = resolveTaskInputs(
      task({ parameters: { input3: { componentInputParameter: 'absent' } } }),
      component,
      sources(),
    );
    expect(inputs.parameters).toEqual({ input1: 'default value' });
  });

  it('fails naming a required input that has no value', () => {
    const component: ComponentSpec = {
      inputDefinitions: { parameters: { text: { parameterType: 'STRING' } } },
    };
    expect(() =>
      resolveTaskInputs(
        task({ parameters: { text: { componentInputParameter: 'absent' } } }),
        component,
        sources(),
      ),
    ).toThrow(
      /The required input parameter "text" \(STRING\) has no value: input "absent" of the enclosing pipeline or DAG has no value/,
    );
  });

  it('applies a parameterExpressionSelector to a loop item', () => {
    const spec = task({
      parameters: {
        msg: {
          componentInputParameter: 'item',
          parameterExpressionSelector: 'parseJson(string_value)["A_a"]',
        },
      },
    });
    expect(
      resolveTaskInputs(spec, {}, sources({}, { item: { A_a: '1', B_b: '2' } })).parameters,
    ).toEqual({ msg: '1' });
  });

  it('expands references to other inputs inside constants', () => {
    const spec = task({
      parameters: {
        msg: {
          runtimeValue: {
            constant: "heads and {{$.inputs.parameters['pipelinechannel--n']}} > 5!",
          },
        },
        cpu: { runtimeValue: { constant: "{{$.inputs.parameters['pipelinechannel--n']}}" } },
        'pipelinechannel--n': {
          taskOutputParameter: { producerTask: 'random', outputParameterKey: 'Output' },
        },
      },
    });
    const inputs = resolveTaskInputs(
      spec,
      {},
      sources({ random: outcome('SUCCEEDED', { Output: 7 }) }),
    );
    expect(inputs.parameters).toEqual({ msg: 'heads and 7 > 5!', cpu: 7, 'pipelinechannel--n': 7 });
  });

  it('gives an exit task the final status of a failed DAG', () => {
    const spec = task({
      parameters: { status: { taskFinalStatus: { producerTask: 'exit-handler-1' } } },
    });
    const inputs = resolveTaskInputs(spec, {}, sources({ 'exit-handler-1': outcome('FAILED') }));
    expect(inputs.parameters.status).toEqual({
      state: 'FAILED',
      pipelineJobResourceName: 'job-1',
      pipelineTaskName: 'exit-handler-1',
      error: { code: 9, message: 'boom' },
    });
  });

  it('reports a succeeded producer with an empty error', () => {
    const spec = task({
      parameters: { status: { taskFinalStatus: { producerTask: 'exit-handler-1' } } },
    });
    const inputs = resolveTaskInputs(spec, {}, sources({ 'exit-handler-1': outcome('SUCCEEDED') }));
    expect(inputs.parameters.status).toMatchObject({ state: 'COMPLETE', error: {} });
  });

  it('gets nothing from an upstream task that did not succeed', () => {
    const spec = task({
      parameters: {
        v: { taskOutputParameter: { producerTask: 'up', outputParameterKey: 'Output' } },
      },
    });
    expect(resolveTaskInputs(spec, {}, sources({ up: outcome('SKIPPED') })).parameters).toEqual({});
  });

  it('fails when a producer is not a finished task of the DAG', () => {
    const spec = task({
      parameters: {
        v: { taskOutputParameter: { producerTask: 'nowhere', outputParameterKey: 'Output' } },
      },
    });
    expect(() => resolveTaskInputs(spec, {}, sources())).toThrow(
      /task "nowhere", which is not a finished task/,
    );
  });
});
