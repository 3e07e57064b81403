import { afterAll, describe, expect, it } from 'vitest';
import type { ContainerRunSpec } from '../../executors/container-executor.js';
import type { PipelineSpec } from '../ir/pipeline-spec.js';
import { corpusAvailable, explainCorpusSkip, loadCorpusSpec } from './testing/corpus.js';
import { removeHarnessRoots, runHarness } from './testing/scheduler-harness.js';
import { ScriptedExecutor, type ScriptedRun } from './testing/scripted-executor.js';

afterAll(removeHarnessRoots);
explainCorpusSkip();

const returns = (value: (run: ScriptedRun) => unknown) => (run: ScriptedRun) => {
  run.output('Output', value(run) as never);
  return 0;
};
const iterationOf = (spec: ContainerRunSpec): number =>
  Number(/iteration-(\d+)/.exec(spec.labels?.['skiff.task-path'] ?? '')?.[1]);

describe.skipIf(!corpusAvailable)('conditions on corpus pipelines', () => {
  it('runs the taken branches of flip_coin and skips the others with their sub-DAGs', async () => {
    const executor = new ScriptedExecutor()
      .on(
        { fn: 'flip_coin' },
        returns(() => 'heads'),
      )
      .on(
        { fn: 'random_num' },
        returns(() => 7),
      );
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('critical/flip_coin.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(recorder.at('condition-1')).toMatchObject({ kind: 'dag', state: 'SUCCEEDED' });
    expect(recorder.at('condition-1', 'condition-2', 'print-msg')).toMatchObject({
      state: 'SUCCEEDED',
      inputs: { parameters: { msg: 'heads and 7 > 5!' } },
    });
    expect(recorder.at('condition-1', 'condition-3').state).toBe('SKIPPED');
    expect(recorder.at('condition-1', 'condition-3', 'print-msg-2').state).toBe('SKIPPED');
    expect(recorder.at('condition-4').state).toBe('SKIPPED');
    expect(recorder.at('condition-4', 'condition-5', 'print-msg-3').state).toBe('SKIPPED');
    expect(executor.started.sort()).toEqual(['flip-coin', 'print-msg', 'random-num']);
    expect(recorder.logsOf(recorder.at('condition-4').taskId)).toContain(
      "[skiff] Skipped: the condition `inputs.parameter_values['pipelinechannel--flip-coin-Output'] == 'tails'` is false.",
    );
  });

  it('follows if/elif/else inside a loop and collects the loop outputs', async () => {
    const numbers = [100, 5000, 9999];
    const executor = new ScriptedExecutor()
      .on(
        { fn: 'int_0_to_9999' },
        returns((run) => numbers[iterationOf(run.spec)]),
      )
      .on(
        { fn: 'is_even_or_odd' },
        returns((run) => (Number(run.input('num')) % 2 === 0 ? 'even' : 'odd')),
      )
      .on(
        { fn: 'print_and_return' },
        returns((run) => run.input('text')),
      );
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('if_elif_else_complex.yaml'),
      executor,
      concurrency: 1,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(recorder.one('print-ints').inputs.parameters.ints).toEqual([100, 5000, 9999]);
    const low = ['for-loop-1', 'iteration-0', 'condition-branches-4', 'condition-8'];
    expect(recorder.at(...low, 'print-and-return-4').inputs.parameters.text).toBe(
      'Got a low even number!',
    );
    expect(recorder.at(...low, 'condition-branches-5', 'condition-7').state).toBe('SKIPPED');
    const high = ['for-loop-1', 'iteration-2', 'condition-branches-4', 'condition-9'];
    expect(recorder.at(...high, 'print-and-return-7').inputs.parameters.text).toBe(
      'Got a high odd number!',
    );
    expect(
      recorder.at(
        'for-loop-1',
        'iteration-1',
        'condition-branches-4',
        'condition-13',
        'print-and-return-8',
      ).state,
    ).toBe('SUCCEEDED');
    expect(recorder.named('print-and-return-9').map((task) => task.state)).toEqual([
      'SUCCEEDED',
      'SUCCEEDED',
    ]);
    expect(
      recorder.named('print-and-return').filter((task) => task.state === 'SUCCEEDED'),
    ).toHaveLength(1);
    expect(
      recorder.at('for-loop-1', 'iteration-2', 'condition-2', 'condition-3', 'print-and-return')
        .state,
    ).toBe('SUCCEEDED');
  });

  it('takes a OneOf parameter from the branch that ran, through a nested pipeline', async () => {
    const executor = new ScriptedExecutor()
      .on(
        { fn: 'flip_coin' },
        returns(() => 'tails'),
      )
      .on({ fn: 'core_output_comp' }, (run) => {
        run.output('output_key', `core says ${run.text('input')}`);
        return 0;
      });
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('critical/parameter_oneof.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(recorder.one('mantle').outputs.parameters).toEqual({ Output: 'core says Got tails!' });
    expect(recorder.one('crust-comp').inputs.parameters).toEqual({ input: 'core says Got tails!' });
    expect(recorder.at('mantle', 'core', 'condition-branches-1', 'condition-2').state).toBe(
      'SKIPPED',
    );
  });

  it('takes a OneOf artifact from the branch that ran and passes it out of a nested pipeline', async () => {
    const executor = new ScriptedExecutor()
      .on(
        { fn: 'flip_coin' },
        returns(() => 'heads'),
      )
      .on({ fn: 'param_to_artifact' }, async (run) => {
        await run.artifact('a', run.text('val'));
        return 0;
      });
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('critical/if_else_with_oneof_artifacts.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    const produced = recorder.at(
      'flip-coin-pipeline',
      'condition-branches-1',
      'condition-2',
      'param-to-artifact',
    );
    const artifact = produced.outputs.artifacts.a?.[0];
    expect(artifact?.uri).toMatch(/param-to-artifact\/[^/]+\/a$/);
    expect(recorder.at('print-artifact').inputs.artifacts.a).toEqual([artifact]);
    expect(recorder.produced.map((a) => a.artifactId)).toEqual([artifact?.artifactId]);
    expect(recorder.produced[0]?.sizeBytes).toBe('heads'.length);
    const consumers = recorder.consumed
      .filter((c) => c.artifactId === artifact?.artifactId)
      .map((c) => recorder.tasks.get(c.taskId)?.name);
    expect(consumers.sort()).toEqual(['print-artifact', 'print-artifact']);
  });

  it('picks the else branch of a OneOf when the condition is false', async () => {
    const executor = new ScriptedExecutor()
      .on(
        { fn: 'branch_b' },
        returns(() => 'b'),
      )
      .on(
        { fn: 'tag_selected' },
        returns((run) => `selected:${run.text('value')}`),
      );
    const spec = loadCorpusSpec('local_execution/local_execution_pipeline_with_oneof.yaml');
    const { outcome } = await runHarness({ spec, executor, parameters: { pick_a: false } });
    expect(outcome).toMatchObject({
      state: 'SUCCEEDED',
      outputs: { parameters: { Output: 'selected:b' } },
    });
  });

  it('compares two upstream outputs in a nested condition', async () => {
    const executor = new ScriptedExecutor().on(
      { fn: 'flip_coin_op' },
      returns(() => 'heads'),
    );
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('essential/pipeline_with_nested_conditions.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    const inner = recorder
      .children(recorder.at('condition-1').taskId)
      .filter((task) => task.kind === 'dag');
    expect(inner.map((task) => task.state)).toContain('SUCCEEDED');
  });
});

describe('conditions', () => {
  const spec: PipelineSpec = {
    pipelineInfo: { name: 'bad-condition' },
    components: {
      'comp-echo': {
        executorLabel: 'exec-echo',
        inputDefinitions: { parameters: { x: { parameterType: 'STRING' } } },
      },
      'comp-group': {
        dag: {
          tasks: {
            echo: {
              taskInfo: { name: 'echo' },
              componentRef: { name: 'comp-echo' },
              inputs: { parameters: { x: { componentInputParameter: 'x' } } },
            },
          },
        },
      },
    },
    deploymentSpec: {
      executors: {
        'exec-echo': {
          container: { image: 'alpine', command: ['echo', "{{$.inputs.parameters['x']}}"] },
        },
      },
    },
    root: {
      inputDefinitions: {
        parameters: { x: { parameterType: 'STRING', defaultValue: 'abc', isOptional: true } },
      },
      dag: {
        tasks: {
          'condition-1': {
            taskInfo: { name: 'condition-1' },
            componentRef: { name: 'comp-group' },
            inputs: { parameters: { x: { componentInputParameter: 'x' } } },
            triggerPolicy: { condition: "size(inputs.parameter_values['x']) > 1" },
          },
        },
      },
    },
  };

  it('fails the task when the condition uses CEL outside the supported subset', async () => {
    const executor = new ScriptedExecutor();
    const { outcome, recorder } = await runHarness({ spec, executor });
    expect(outcome.state).toBe('FAILED');
    expect(outcome.error?.message).toMatch(
      /Task "condition-1" failed: .*size\(\) is not supported/,
    );
    expect(recorder.one('condition-1').state).toBe('FAILED');
    expect(executor.calls).toEqual([]);
  });
});
