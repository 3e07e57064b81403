import { afterAll, describe, expect, it } from 'vitest';
import { corpusAvailable, explainCorpusSkip, loadCorpusSpec } from './testing/corpus.js';
import { removeHarnessRoots, runHarness } from './testing/scheduler-harness.js';
import { ScriptedExecutor } from './testing/scripted-executor.js';

afterAll(removeHarnessRoots);
explainCorpusSkip();

describe.skipIf(!corpusAvailable)('nested pipelines', () => {
  it('passes DAG outputs of a nested pipeline up to the pipeline outputs', async () => {
    const executor = new ScriptedExecutor()
      .on({ fn: 'print_op1' }, (run) => (run.output('Output', run.text('msg')), 0))
      .on({ task: 'print-op2' }, async (run) => {
        expect(run.spec.argv.slice(0, 4)).toEqual([
          'sh',
          '-c',
          'mkdir --parents $(dirname "$1") && echo "$0" > "$1"',
          'world',
        ]);
        await run.artifact('data', 'world\n');
        return 0;
      });
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('essential/pipeline_with_outputs.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    const inner = recorder.at('inner-pipeline');
    expect(inner).toMatchObject({
      kind: 'dag',
      state: 'SUCCEEDED',
      outputs: { parameters: { msg: 'world' } },
    });
    const data = recorder.at('inner-pipeline', 'print-op2').outputs.artifacts.data;
    expect(outcome.outputs.artifacts.Output).toEqual(data);
    expect(data?.[0]?.uri).toBe(
      executor.calls.find((c) => c.labels?.['skiff.task-name'] === 'print-op2')?.argv[4],
    );
  });

  it('passes parent values into nested pipelines, and their defaults when absent', async () => {
    const executor = new ScriptedExecutor();
    const spec = loadCorpusSpec(
      'parallel_and_nested/nested_pipeline_opt_inputs_parent_level_compiled.yaml',
    );
    const { outcome, recorder } = await runHarness({ spec, executor });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(
      recorder.at('nested-pipeline-nil-defaults', 'component-nil-str-default').inputs.parameters,
    ).toEqual({
      componentInput: 'Input - parent pipeline',
    });
    expect(
      recorder.at('nested-pipeline-non-nil-defaults', 'component-bool-default').inputs.parameters,
    ).toEqual({ componentInput: true });
  });
});

describe.skipIf(!corpusAvailable)('importer', () => {
  it('imports constant and runtime-parameter URIs without a container, then follows the condition', async () => {
    const executor = new ScriptedExecutor().on({ fn: 'train' }, async (run) => {
      await run.artifact('model', 'weights');
      run.output('scalar', '123');
      return 0;
    });
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('pipeline_with_importer.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    const imported = recorder.at('importer');
    expect(imported).toMatchObject({ kind: 'importer', state: 'SUCCEEDED' });
    expect(imported.outputs.artifacts.artifact?.[0]).toMatchObject({
      name: 'artifact',
      uri: 'gs://ml-pipeline-playground/shakespeare1.txt',
      type: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' },
      metadata: { key: 'value' },
    });
    expect(recorder.at('train').inputs.artifacts.dataset).toEqual(
      imported.outputs.artifacts.artifact,
    );
    expect(recorder.at('condition-1', 'importer-2').outputs.artifacts.artifact?.[0]?.uri).toBe(
      'gs://ml-pipeline-playground/shakespeare2.txt',
    );
    expect(executor.started).toEqual(['train', 'train-2']);
    const train = executor.calls[0];
    const input = JSON.parse(train?.argv[train.argv.indexOf('--executor_input') + 1] ?? '{}') as {
      inputs: { artifacts: Record<string, { artifacts: { uri: string }[] }> };
    };
    expect(input.inputs.artifacts.dataset?.artifacts[0]?.uri).toBe(
      'gs://ml-pipeline-playground/shakespeare1.txt',
    );
  });

  it('fills importer metadata placeholders from its inputs, keys included', async () => {
    const executor = new ScriptedExecutor().on(
      { fn: 'make_name' },
      (run) => (run.output('Output', 'made-name'), 0),
    );
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('pipeline_with_dynamic_importer_metadata.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(recorder.at('importer').outputs.artifacts.artifact?.[0]?.metadata).toEqual({
      containerSpec: { imageUri: 'us-docker.pkg.dev/vertex-ai/prediction/tf2-gpu.2-5:latest' },
      name: ['default-name', 'alias-name'],
    });
    expect(recorder.at('importer-2').outputs.artifacts.artifact?.[0]?.metadata).toMatchObject({
      'list-of-data': ['made-name', 'default-name', 1],
      name: 'prefix-made-name',
      'made-name': 'made-name',
      'default-name': 'us-docker.pkg.dev/vertex-ai/prediction/tf2-gpu.2-5:latest',
    });
  });
});
