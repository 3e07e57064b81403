import { describe, expect, it } from 'vitest';
import { findPipelineProblems } from './ir-validator.js';
import type { ParameterType, PipelineSpec, ProtoValue } from './pipeline-spec.js';
import { component, present, rootTask, twoStepPipelineWith } from './testing/two-step-pipeline.js';

const COUNT = 'root.dag.tasks.consume.inputs.parameters.count';

function countInput(spec: PipelineSpec) {
  return present(rootTask(spec, 'consume').inputs?.parameters?.['count']);
}

function withCountTypes(produced: ParameterType, expected: ParameterType) {
  return twoStepPipelineWith((spec) => {
    present(
      component(spec, 'comp-produce').outputDefinitions?.parameters?.['count'],
    ).parameterType = produced;
    present(component(spec, 'comp-consume').inputDefinitions?.parameters?.['count']).parameterType =
      expected;
  });
}

function withConstant(type: ParameterType, constant: ProtoValue) {
  return twoStepPipelineWith((spec) => {
    present(component(spec, 'comp-consume').inputDefinitions?.parameters?.['count']).parameterType =
      type;
    present(rootTask(spec, 'consume').inputs?.parameters)['count'] = { runtimeValue: { constant } };
  });
}

describe('task input rules', () => {
  it('report componentInputParameter naming no input of the enclosing component', () => {
    const pkg = twoStepPipelineWith((spec) => {
      present(rootTask(spec, 'produce').inputs?.parameters)['text'] = {
        componentInputParameter: 'txt',
      };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.produce.inputs.parameters.text.componentInputParameter',
      message: 'root has no input parameter "txt" (it has "text")',
    });
  });

  it('report componentInputArtifact naming no input of the enclosing component', () => {
    const pkg = twoStepPipelineWith((spec) => {
      present(rootTask(spec, 'consume').inputs?.artifacts)['data'] = {
        componentInputArtifact: 'raw',
      };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.consume.inputs.artifacts.data.componentInputArtifact',
      message: 'root has no input artifact "raw" (it has none)',
    });
  });

  it('report an input name the callee does not declare', () => {
    const pkg = twoStepPipelineWith((spec) => {
      present(rootTask(spec, 'consume').inputs?.parameters)['lr'] = {
        runtimeValue: { constant: 0.1 },
      };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.consume.inputs.parameters.lr',
      message: 'comp-consume has no input parameter "lr" (it has "count")',
    });
  });

  it('accept the undeclared inputs the compiler adds', () => {
    const pkg = twoStepPipelineWith((spec) => {
      const inputs = present(rootTask(spec, 'consume').inputs?.parameters);
      inputs['pipelinechannel--text'] = { componentInputParameter: 'text' };
      inputs['cpu_limit'] = {
        runtimeValue: { constant: "{{$.inputs.parameters['pipelinechannel--text']}}" },
      };
    });
    expect(findPipelineProblems(pkg)).toEqual([]);
  });

  it('point a parameter given for an artifact input to inputs.artifacts', () => {
    const pkg = twoStepPipelineWith((spec) => {
      present(rootTask(spec, 'consume').inputs?.parameters)['data'] = {
        runtimeValue: { constant: 'x' },
      };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.consume.inputs.parameters.data',
      message:
        'comp-consume has no input parameter "data" (it is an artifact input; pass it under inputs.artifacts)',
    });
  });

  it('require exactly one source per input', () => {
    const none = twoStepPipelineWith(
      (spec) => (present(rootTask(spec, 'consume').inputs?.parameters)['count'] = {}),
    );
    expect(findPipelineProblems(none)).toContainEqual({
      path: COUNT,
      message: expect.stringMatching(/has no value/) as string,
    });
    const two = twoStepPipelineWith((spec) => (countInput(spec).runtimeValue = { constant: 3 }));
    expect(findPipelineProblems(two)).toContainEqual({
      path: COUNT,
      message: 'has taskOutputParameter and runtimeValue; give exactly one source',
    });
  });

  it('report a parameter type mismatch between producer and consumer', () => {
    expect(findPipelineProblems(withCountTypes('STRING', 'NUMBER_INTEGER'))).toContainEqual({
      path: COUNT,
      message:
        'type mismatch: comp-consume expects NUMBER_INTEGER, but output "count" of task "produce" is STRING',
    });
    expect(findPipelineProblems(withCountTypes('NUMBER_INTEGER', 'STRING'))).toHaveLength(1);
    expect(findPipelineProblems(withCountTypes('LIST', 'STRUCT'))).toHaveLength(1);
  });

  it('let an integer feed a double, and status or unspecified types pass', () => {
    expect(findPipelineProblems(withCountTypes('NUMBER_INTEGER', 'NUMBER_DOUBLE'))).toEqual([]);
    expect(
      findPipelineProblems(withCountTypes('PARAMETER_TYPE_ENUM_UNSPECIFIED', 'STRING')),
    ).toEqual([]);
  });

  it('skip the type check when an expression selector picks a field', () => {
    const pkg = withCountTypes('STRUCT', 'NUMBER_INTEGER');
    countInput(pkg.pipelineSpec).parameterExpressionSelector = 'parseJson(string_value)["n"]';
    expect(findPipelineProblems(pkg)).toEqual([]);
  });

  it('check parameter types through componentInputParameter too', () => {
    const pkg = twoStepPipelineWith((spec) => {
      present(
        component(spec, 'comp-produce').inputDefinitions?.parameters?.['text'],
      ).parameterType = 'BOOLEAN';
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.produce.inputs.parameters.text',
      message: 'type mismatch: comp-produce expects BOOLEAN, but input "text" of root is STRING',
    });
  });

  it('report an artifact type mismatch, but let system.Artifact match anything', () => {
    const mismatch = twoStepPipelineWith((spec) => {
      const output = present(
        component(spec, 'comp-produce').outputDefinitions?.artifacts?.['data'],
      );
      output.artifactType = { schemaTitle: 'system.Model' };
    });
    expect(findPipelineProblems(mismatch)).toContainEqual({
      path: 'root.dag.tasks.consume.inputs.artifacts.data',
      message:
        'type mismatch: comp-consume expects a system.Dataset artifact, but gets a system.Model',
    });
    const generic = twoStepPipelineWith((spec) => {
      const input = present(component(spec, 'comp-consume').inputDefinitions?.artifacts?.['data']);
      input.artifactType = { schemaTitle: 'system.Artifact' };
    });
    expect(findPipelineProblems(generic)).toEqual([]);
  });

  it.each<[ParameterType, ProtoValue]>([
    ['NUMBER_INTEGER', 'abc'],
    ['NUMBER_INTEGER', 1.5],
    ['NUMBER_INTEGER', 2 ** 60],
    ['NUMBER_DOUBLE', '0.1'],
    ['STRING', 42],
    ['BOOLEAN', 'true'],
    ['LIST', { a: 1 }],
    ['STRUCT', [1, 2]],
  ])('report a %s constant of %j', (type, constant) => {
    const problems = findPipelineProblems(withConstant(type, constant));
    expect(problems).toEqual([
      {
        path: `${COUNT}.runtimeValue.constant`,
        message: expect.stringMatching(/is not a|too large/) as string,
      },
    ]);
  });

  it.each<[ParameterType, ProtoValue]>([
    ['NUMBER_INTEGER', 3],
    ['NUMBER_INTEGER', 1.0],
    ['NUMBER_DOUBLE', 3],
    ['STRING', ''],
    ['BOOLEAN', false],
    ['LIST', []],
    ['STRUCT', {}],
    ['NUMBER_INTEGER', "{{$.inputs.parameters['pipelinechannel--n']}}"],
    ['TASK_FINAL_STATUS', 'anything'],
  ])('accept a %s constant of %j', (type, constant) => {
    const pkg = withConstant(type, constant);
    present(rootTask(pkg.pipelineSpec, 'consume').inputs?.parameters)['pipelinechannel--n'] = {
      runtimeValue: { constant: 1 },
    };
    expect(findPipelineProblems(pkg)).toEqual([]);
  });
});
