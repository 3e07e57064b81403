import { describe, expect, it } from 'vitest';
import { findPipelineProblems } from './ir-validator.js';
import { component, present, rootTask, twoStepPipelineWith } from './testing/two-step-pipeline.js';

describe('required input rules', () => {
  it('report a required parameter the task does not pass', () => {
    const pkg = twoStepPipelineWith(
      (spec) => delete present(rootTask(spec, 'consume').inputs?.parameters)['count'],
    );
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.consume.inputs.parameters',
      message: 'missing required input parameter "count" of comp-consume',
    });
  });

  it('report a required artifact the task does not pass', () => {
    const pkg = twoStepPipelineWith(
      (spec) => delete present(rootTask(spec, 'consume').inputs).artifacts,
    );
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.consume.inputs.artifacts',
      message: 'missing required input artifact "data" of comp-consume',
    });
  });

  it('let optional inputs and inputs with defaults be left out', () => {
    const pkg = twoStepPipelineWith((spec) => {
      const consume = rootTask(spec, 'consume');
      delete present(consume.inputs?.parameters)['count'];
      delete present(consume.inputs).artifacts;
      const inputs = present(component(spec, 'comp-consume').inputDefinitions);
      present(inputs.parameters?.['count']).defaultValue = 1;
      present(inputs.artifacts?.['data']).isOptional = true;
    });
    expect(findPipelineProblems(pkg)).toEqual([]);
  });

  it('count a loop item as given', () => {
    const pkg = twoStepPipelineWith((spec) => {
      const consume = rootTask(spec, 'consume');
      delete present(consume.inputs?.parameters)['count'];
      present(consume.inputs?.parameters)['counts'] = { runtimeValue: { constant: [1, 2] } };
      present(component(spec, 'comp-consume').inputDefinitions?.parameters)['counts'] = {
        parameterType: 'LIST',
      };
      consume.parameterIterator = { items: { inputParameter: 'counts' }, itemInput: 'count' };
    });
    expect(findPipelineProblems(pkg)).toEqual([]);
  });
});
