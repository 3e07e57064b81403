import { describe, expect, it } from 'vitest';
import { readableCondition, specGraph, unwrapSpec } from './spec-graph';
import { controlFlowSpec, layeredSpec } from './testing/spec-fixtures';

describe('specGraph', () => {
  const graph = specGraph(controlFlowSpec());

  it('reads the root DAG and the exit task that runs whatever happens upstream', () => {
    expect(graph.name).toBe('control-flow');
    expect(graph.tasks.map((t) => t.key)).toEqual(['exit-handler-1', 'cleanup']);
    const cleanup = graph.tasks[1];
    expect(cleanup?.runsOnExit).toBe(true);
    expect(graph.edges).toEqual([{ from: 'exit-handler-1', to: 'cleanup', data: false }]);
  });

  it('turns sub-DAGs into groups of the right kind', () => {
    const exit = graph.tasks[0];
    expect(exit?.group).toBe('exit-handler');
    const [flip, condition, inner] = exit?.children ?? [];
    expect(flip).toMatchObject({ displayName: 'Flip a coin', kind: 'container' });
    expect(condition).toMatchObject({
      group: 'condition',
      condition: "flip-coin-Output == 'heads'",
    });
    expect(inner).toMatchObject({ group: 'nested', kind: 'dag' });
    expect(inner?.children[0]?.kind).toBe('importer');
    const loop = condition?.children[0];
    expect(loop).toMatchObject({ kind: 'loop', group: 'loop', iterationCount: 3 });
    expect(loop?.children.map((t) => t.key)).toEqual(['print-op']);
  });

  it('marks edges that carry data apart from bare ordering', () => {
    expect(graph.tasks[0]?.edges).toEqual([
      { from: 'flip-coin', to: 'condition-1', data: true },
      { from: 'flip-coin', to: 'inner-pipeline', data: false },
    ]);
  });

  it('counts artifact inputs as edges even without dependentTasks', () => {
    const spec = layeredSpec(2, 2);
    const root = spec['root'] as { dag: { tasks: Record<string, Record<string, unknown>> } };
    delete root.dag.tasks['task-1-1']?.['dependentTasks'];
    const edges = specGraph(spec).edges.filter((e) => e.to === 'task-1-1');
    expect(edges).toEqual([{ from: 'task-0-1', to: 'task-1-1', data: true }]);
  });

  it('accepts the {pipeline_spec, platform_spec} form KFP answers with', () => {
    const wrapped = { pipeline_spec: controlFlowSpec(), platform_spec: {} };
    expect(unwrapSpec(wrapped)).toEqual(controlFlowSpec());
    expect(specGraph(wrapped).tasks).toHaveLength(2);
  });

  it('survives a component that contains itself and an empty spec', () => {
    const spec = {
      components: { 'comp-a': { dag: { tasks: { a: { componentRef: { name: 'comp-a' } } } } } },
      root: { dag: { tasks: { a: { componentRef: { name: 'comp-a' } } } } },
    };
    expect(specGraph(spec).tasks[0]?.key).toBe('a');
    expect(specGraph({}).tasks).toEqual([]);
  });
});

describe('readableCondition', () => {
  it('drops the pipelinechannel wrapping and int() casts', () => {
    expect(
      readableCondition("int(inputs.parameter_values['pipelinechannel--random-num-Output']) > 5"),
    ).toBe('random-num-Output > 5');
  });
});
