import { afterAll, describe, expect, it } from 'vitest';
import type { ContainerRunSpec } from '../../executors/container-executor.js';
import type { PipelineSpec, PipelineTaskSpec } from '../ir/pipeline-spec.js';
import { corpusAvailable, explainCorpusSkip, loadCorpusSpec } from './testing/corpus.js';
import { removeHarnessRoots, runHarness } from './testing/scheduler-harness.js';
import { ScriptedExecutor, type ScriptedRun } from './testing/scripted-executor.js';

afterAll(removeHarnessRoots);
explainCorpusSkip();

const returns = (value: (run: ScriptedRun) => unknown) => (run: ScriptedRun) => {
  run.output('Output', value(run) as never);
  return 0;
};
const inputsOf = (executor: ScriptedExecutor, task: string, name: string): unknown[] =>
  executor.calls
    .filter((call) => call.labels?.['skiff.task-name'] === task)
    .map((call) => {
      const argv = call.argv;
      const input = JSON.parse(argv[argv.indexOf('--executor_input') + 1] ?? '{}') as {
        inputs: { parameterValues: Record<string, unknown> };
      };
      return input.inputs.parameterValues[name];
    });
const iterationOf = (spec: ContainerRunSpec): number[] =>
  [...(spec.labels?.['skiff.task-path'] ?? '').matchAll(/iteration-(\d+)/g)].map((m) =>
    Number(m[1]),
  );

describe.skipIf(!corpusAvailable)('loops on corpus pipelines', () => {
  it('iterates raw items, input lists and upstream lists, applying selectors', async () => {
    const executor = new ScriptedExecutor().on(
      { fn: 'args_generator_op' },
      returns(() => [
        { A_a: 'x', B_b: 'y' },
        { A_a: 'z', B_b: 'w' },
      ]),
    );
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('parallel_and_nested/pipeline_with_loops.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(inputsOf(executor, 'print-text', 'msg').sort()).toEqual(['a', 'b']);
    expect(inputsOf(executor, 'print-text-2', 'msg').sort()).toEqual(['x', 'z']);
    expect(inputsOf(executor, 'print-text-4', 'msg').sort()).toEqual(['1', '10']);
    expect(inputsOf(executor, 'print-struct-2', 'struct')).toContainEqual({ A_a: '1', B_b: '2' });
    const loop = recorder.at('for-loop-4');
    expect(loop).toMatchObject({ kind: 'loop', state: 'SUCCEEDED' });
    const iterations = recorder.children(loop.taskId);
    expect(iterations.map((it) => [it.kind, it.iterationIndex, it.state])).toEqual([
      ['iteration', 0, 'SUCCEEDED'],
      ['iteration', 1, 'SUCCEEDED'],
    ]);
    expect(iterations[1]?.inputs.parameters['pipelinechannel--loop-item-param-3']).toEqual({
      A_a: '10',
      B_b: '20',
    });
  });

  it('iterates nested loops over a selected sub-list', async () => {
    const executor = new ScriptedExecutor();
    const { outcome } = await runHarness({
      spec: loadCorpusSpec('pipeline_with_nested_loops.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(inputsOf(executor, 'print-op', 'msg').sort()).toEqual(['1', '11', '2', '22']);
    expect(inputsOf(executor, 'print-op-3', 'msg2')).toHaveLength(6);
  });

  it('iterates over a list of artifacts', async () => {
    const executor = new ScriptedExecutor()
      .on(
        { fn: 'make_artifact' },
        async (run) => (await run.artifact('Output', run.text('data')), 0),
      )
      .on(
        { fn: 'make_dataset' },
        async (run) => (await run.artifact('Output', run.text('data')), 0),
      )
      .on(
        { fn: 'print_artifact_name' },
        returns(() => 'name'),
      );
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('pipeline_with_parallelfor_list_artifacts_GH-12033.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    const produced = recorder.at('make-artifacts').outputs.artifacts.Output ?? [];
    expect(produced).toHaveLength(4);
    const consumed = recorder
      .named('print-artifact-name')
      .map((task) => task.inputs.artifacts.artifact?.[0]?.artifactId);
    expect(consumed.sort()).toEqual(produced.map((a) => a.artifactId).sort());
  });

  it('honours parallelismLimit on nested loops of the corpus', async () => {
    let active = 0;
    let most = 0;
    const executor = new ScriptedExecutor().on({ fn: 'print_int' }, async (run) => {
      if (!iterationOf(run.spec).length || run.task !== 'print-int') return 0;
      active++;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 2));
      active--;
      return 0;
    });
    executor.on(
      { fn: 'list_dict_maker_0' },
      returns(() => [{ a: 1 }]),
    );
    for (const fn of ['list_dict_maker_1', 'list_dict_maker_2', 'list_dict_maker_3'])
      executor.on(
        { fn },
        returns(() => [{ a: 1 }]),
      );
    const spec = loadCorpusSpec('pipeline_with_parallelfor_parallelism.yaml');
    const { outcome } = await runHarness({
      spec,
      executor,
      parameters: { loop_parameter: ['a', 'b', 'c'] },
    });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(most).toBe(1);
  });
});

function loopPipeline(items: string, extra: Partial<PipelineTaskSpec> = {}): PipelineSpec {
  return {
    pipelineInfo: { name: 'loop' },
    components: {
      'comp-work': {
        executorLabel: 'exec-work',
        inputDefinitions: { parameters: { n: { parameterType: 'NUMBER_INTEGER' } } },
      },
      'comp-for-loop-1': {
        dag: {
          tasks: {
            work: {
              taskInfo: { name: 'work' },
              componentRef: { name: 'comp-work' },
              inputs: { parameters: { n: { componentInputParameter: 'item' } } },
            },
          },
        },
        inputDefinitions: { parameters: { item: { parameterType: 'NUMBER_INTEGER' } } },
      },
    },
    deploymentSpec: {
      executors: {
        'exec-work': {
          container: { image: 'alpine', command: ['work', "{{$.inputs.parameters['n']}}"] },
        },
      },
    },
    root: {
      dag: {
        tasks: {
          'for-loop-1': {
            taskInfo: { name: 'for-loop-1' },
            componentRef: { name: 'comp-for-loop-1' },
            parameterIterator: { itemInput: 'item', items: { raw: items } },
            ...extra,
          },
        },
      },
    },
  };
}

describe('loops', () => {
  it('runs at most parallelismLimit iterations at once', async () => {
    const executor = new ScriptedExecutor(async () => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return 0;
    });
    const { outcome } = await runHarness({
      spec: loopPipeline('[1, 2, 3, 4, 5, 6]', { iteratorPolicy: { parallelismLimit: 2 } }),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(executor.calls).toHaveLength(6);
    expect(executor.maxConcurrent).toBe(2);
  });

  it('succeeds with no iterations over an empty list', async () => {
    const executor = new ScriptedExecutor();
    const { outcome, recorder } = await runHarness({ spec: loopPipeline('[]'), executor });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(recorder.one('for-loop-1').state).toBe('SUCCEEDED');
    expect(executor.calls).toEqual([]);
  });

  it('fails a loop whose items are not a list', async () => {
    const { outcome } = await runHarness({
      spec: loopPipeline('{"a": 1}'),
      executor: new ScriptedExecutor(),
    });
    expect(outcome.error?.message).toMatch(
      /Task "for-loop-1" failed: The loop cannot iterate over its raw items: it is not a list/,
    );
  });

  it('fails the loop when an iteration fails, after the others finish', async () => {
    const executor = new ScriptedExecutor((run) => (run.spec.argv[1] === '2' ? 1 : 0));
    const { outcome, recorder } = await runHarness({ spec: loopPipeline('[1, 2, 3]'), executor });
    expect(outcome.state).toBe('FAILED');
    expect(outcome.error?.message).toMatch(
      /Task "work" \(in for-loop-1 › iteration-1\) failed: the container exited with code 1/,
    );
    expect(recorder.children(recorder.one('for-loop-1').taskId).map((it) => it.state)).toEqual([
      'SUCCEEDED',
      'FAILED',
      'SUCCEEDED',
    ]);
  });
});
