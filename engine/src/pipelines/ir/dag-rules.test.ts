import { describe, expect, it } from 'vitest';
import { findPipelineProblems } from './ir-validator.js';
import type { PipelineTaskSpec } from './pipeline-spec.js';
import { present, rootTask, twoStepPipelineWith } from './testing/two-step-pipeline.js';

function task(name: string, after: string[] = []): PipelineTaskSpec {
  return { taskInfo: { name }, componentRef: { name: 'comp-produce' }, dependentTasks: after };
}

describe('DAG rules', () => {
  it('report a dependent task that is not in the DAG', () => {
    const pkg = twoStepPipelineWith(
      (spec) => (rootTask(spec, 'consume').dependentTasks = ['prep']),
    );
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.consume.dependentTasks[0]',
      message: 'unknown dependent task "prep" (this DAG has "produce", "consume")',
    });
  });

  it('report an input from a producer task that is not in the DAG', () => {
    const pkg = twoStepPipelineWith((spec) => {
      const input = present(rootTask(spec, 'consume').inputs?.parameters?.['count']);
      input.taskOutputParameter = { producerTask: 'prep', outputParameterKey: 'count' };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.consume.inputs.parameters.count',
      message: 'unknown producer task "prep" (this DAG has "produce", "consume")',
    });
  });

  it('report an output the producer does not have', () => {
    const pkg = twoStepPipelineWith((spec) => {
      const input = present(rootTask(spec, 'consume').inputs?.parameters?.['count']);
      input.taskOutputParameter = { producerTask: 'produce', outputParameterKey: 'total' };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.consume.inputs.parameters.count',
      message: 'task "produce" has no output parameter "total" (it has "count")',
    });
  });

  it('say so when an artifact output is taken as a parameter', () => {
    const pkg = twoStepPipelineWith((spec) => {
      const input = present(rootTask(spec, 'consume').inputs?.parameters?.['count']);
      input.taskOutputParameter = { producerTask: 'produce', outputParameterKey: 'data' };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.consume.inputs.parameters.count',
      message: expect.stringMatching(
        /"data" of task "produce" is an artifact; pass it under inputs.artifacts/,
      ) as string,
    });
  });

  it('report a taskFinalStatus from an unknown task', () => {
    const pkg = twoStepPipelineWith((spec) => {
      const inputs = present(rootTask(spec, 'consume').inputs?.parameters);
      inputs['count'] = { taskFinalStatus: { producerTask: 'exit-handler-1' } };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.consume.inputs.parameters.count',
      message: expect.stringMatching(/unknown producer task "exit-handler-1"/) as string,
    });
  });

  it('report a cycle with the tasks on it', () => {
    const pkg = twoStepPipelineWith(
      (spec) => (rootTask(spec, 'produce').dependentTasks = ['consume']),
    );
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks',
      message: 'cycle produce → consume → produce',
    });
  });

  it('report a task waiting on itself', () => {
    const pkg = twoStepPipelineWith(
      (spec) => (rootTask(spec, 'produce').dependentTasks = ['produce']),
    );
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks',
      message: 'cycle produce → produce',
    });
  });

  it('find cycles in sub-DAGs and through long chains', () => {
    const pkg = twoStepPipelineWith((spec) => {
      const tasks: Record<string, PipelineTaskSpec> = {};
      for (let index = 0; index < 5000; index++)
        tasks[`t${index}`] = task(`t${index}`, index > 0 ? [`t${index - 1}`] : []);
      present(tasks['t0']).dependentTasks = ['t4999'];
      present(spec.components)['comp-chain'] = { dag: { tasks } };
    });
    const cycle = findPipelineProblems(pkg).find(
      (problem) => problem.path === 'components.comp-chain.dag.tasks',
    );
    expect(cycle?.message).toMatch(/^cycle t0 → t4999 → t4998 → .* → t0$/);
  });

  it('report DAG outputs from unknown subtasks or missing outputs', () => {
    const pkg = twoStepPipelineWith((spec) => {
      spec.root.outputDefinitions = { parameters: { total: { parameterType: 'NUMBER_INTEGER' } } };
      present(spec.root.dag).outputs = {
        parameters: {
          total: { valueFromParameter: { producerSubtask: 'sum', outputParameterKey: 'count' } },
        },
        artifacts: {
          extra: { artifactSelectors: [{ producerSubtask: 'produce', outputArtifactKey: 'nope' }] },
        },
      };
    });
    const problems = findPipelineProblems(pkg);
    expect(problems).toContainEqual({
      path: 'root.dag.outputs.parameters.total',
      message: 'unknown producer subtask "sum" (this DAG has "produce", "consume")',
    });
    expect(problems).toContainEqual({
      path: 'root.dag.outputs.artifacts.extra.artifactSelectors[0]',
      message: 'task "produce" has no output artifact "nope" (it has "data")',
    });
    expect(problems).toContainEqual({
      path: 'root.dag.outputs.artifacts.extra',
      message: "is not declared in root's outputDefinitions.artifacts",
    });
  });

  it('report a declared DAG output nothing fills', () => {
    const pkg = twoStepPipelineWith((spec) => {
      spec.root.outputDefinitions = {
        artifacts: { data: { artifactType: { schemaTitle: 'system.Dataset' } } },
      };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.outputs.artifacts',
      message: 'declared output "data" of root has no source; add dag.outputs.artifacts.data',
    });
  });
});
