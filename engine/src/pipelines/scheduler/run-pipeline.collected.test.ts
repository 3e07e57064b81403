import { afterAll, describe, expect, it } from 'vitest';
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
describe.skipIf(!corpusAvailable)('dsl.Collected fan-in on corpus pipelines', () => {
  it('collects loop outputs into a list in iteration order', async () => {
    const executor = new ScriptedExecutor()
      .on(
        { fn: 'split_ids' },
        returns((run) => run.text('ids').split(',')),
      )
      .on({ fn: 'prepend_id' }, async (run) => {
        // The first iteration finishes last; the list must keep iteration order anyway.
        if (run.input('content') === 's1') await new Promise((resolve) => setTimeout(resolve, 20));
        run.output('Output', `model_${run.text('content')}`);
        return 0;
      })
      .on(
        { fn: 'consume_single_id' },
        returns(() => 'ok'),
      )
      .on(
        { fn: 'consume_ids' },
        returns(() => 'done'),
      );
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('critical/collected_parameters.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    const expected = ['model_s1', 'model_s2', 'model_s3'];
    expect(recorder.at('collecting-parameters', 'for-loop-1').outputs.parameters).toEqual({
      'pipelinechannel--prepend-id-Output': expected,
    });
    expect(recorder.at('collecting-parameters', 'consume-ids').inputs.parameters.ids).toEqual(
      expected,
    );
    expect(recorder.at('consume-ids').inputs.parameters.ids).toEqual(expected);
  });

  it('collects nested parameter loops into a list of lists', async () => {
    const executor = new ScriptedExecutor()
      .on(
        { fn: 'double' },
        returns((run) => 2 * Number(run.input('num'))),
      )
      .on(
        { fn: 'simple_add' },
        returns((run) => (run.input('nums') as number[]).reduce((a, b) => a + b, 0)),
      )
      .on(
        { fn: 'nested_add' },
        returns((run) => (run.input('nums') as number[][]).flat().reduce((a, b) => a + b, 0)),
      )
      .on(
        { fn: 'add_two_numbers' },
        returns((run) => JSON.stringify([run.input('x'), run.input('y')])),
      );
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('parameters_complex.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(recorder.one('nested-add').inputs.parameters.nums).toEqual([
      [8, 10, 12],
      [8, 10, 12],
      [8, 10, 12],
    ]);
    expect(recorder.one('add-two-numbers').inputs.parameters).toEqual({
      x: [12, 12, 12],
      y: [90, 90, 90],
    });
  });

  it('flattens artifacts collected from nested loops', async () => {
    const executor = new ScriptedExecutor()
      .on(
        { fn: 'split_ids' },
        returns((run) => run.text('model_ids').split(',')),
      )
      .on(
        { fn: 'split_chars' },
        returns((run) => run.text('model_ids').split(',')),
      )
      .on({ fn: 'create_file' }, async (run) => (await run.artifact('file', 'f'), 0))
      .on(
        { fn: 'create_dataset' },
        async (run) => (await run.artifact('data', run.text('content')), 0),
      )
      .on(
        { fn: 'read_single_dataset_generate_model' },
        async (run) => (await run.artifact('results', run.text('id')), 0),
      )
      .on(
        () => true,
        returns(() => 'read'),
      );
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('collected_artifacts.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    const models = recorder.at('read-models').inputs.artifacts.models ?? [];
    expect(models).toHaveLength(9);
    expect(new Set(models.map((m) => m.artifactId)).size).toBe(9);
    expect(models.every((m) => m.type.schemaTitle === 'system.Model')).toBe(true);
    const inner = recorder.named('read-datasets').map((task) => task.inputs.artifacts.data?.length);
    expect(inner).toEqual([3, 3, 3]);
  });

  it('collects only the iterations whose conditional producer ran', async () => {
    const executor = new ScriptedExecutor()
      .on(
        { fn: 'double' },
        returns((run) => 2 * Number(run.input('num'))),
      )
      .on(
        { fn: 'add' },
        returns((run) => (run.input('nums') as number[]).reduce((a, b) => a + b, 0)),
      );
    const { outcome } = await runHarness({
      spec: loadCorpusSpec('conditional_producer_and_consumers.yaml'),
      executor,
    });
    expect(outcome).toMatchObject({ state: 'SUCCEEDED', outputs: { parameters: { Output: 10 } } });
    expect(inputsOf(executor, 'add', 'nums')).toEqual([[4, 6]]);
  });
});
