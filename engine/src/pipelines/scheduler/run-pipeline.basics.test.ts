import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../ir/pipeline-spec.js';
import { corpusAvailable, explainCorpusSkip, loadCorpusSpec } from './testing/corpus.js';
import { removeHarnessRoots, runHarness } from './testing/scheduler-harness.js';
import { ScriptedExecutor } from './testing/scripted-executor.js';

afterAll(removeHarnessRoots);
explainCorpusSkip();

/** A pipeline of echo containers: `tasks` maps each task key to the keys it runs after. */
function echoPipeline(tasks: Record<string, string[]>): PipelineSpec {
  return {
    pipelineInfo: { name: 'echoes' },
    components: { 'comp-echo': { executorLabel: 'exec-echo' } },
    deploymentSpec: {
      executors: {
        'exec-echo': {
          container: { image: 'alpine', command: ['echo', '{{$.pipeline_task_name}}'] },
        },
      },
    },
    root: {
      dag: {
        tasks: Object.fromEntries(
          Object.entries(tasks).map(([key, after]) => [
            key,
            { taskInfo: { name: key }, componentRef: { name: 'comp-echo' }, dependentTasks: after },
          ]),
        ),
      },
    },
  };
}

describe.skipIf(!corpusAvailable)('runPipeline on corpus pipelines', () => {
  it('runs add_numbers and returns the pipeline output', async () => {
    const executor = new ScriptedExecutor().on({ fn: 'add_numbers' }, (run) => {
      run.output('Output', Number(run.input('a')) + Number(run.input('b')));
      return 0;
    });
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('critical/add_numbers.yaml'),
      executor,
      parameters: { a: 1, b: 2 },
    });
    expect(outcome).toEqual({
      state: 'SUCCEEDED',
      outputs: { parameters: { Output: 3 }, artifacts: {} },
    });
    const task = recorder.one('add-numbers');
    expect(task).toMatchObject({
      state: 'SUCCEEDED',
      kind: 'container',
      attempts: 1,
      outputs: { parameters: { Output: 3 } },
    });
    expect(recorder.stateHistory.get(task.taskId)).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);
    const argv = executor.calls[0]?.argv ?? [];
    const executorInput = JSON.parse(argv[argv.indexOf('--executor_input') + 1] ?? '{}') as {
      inputs: unknown;
    };
    expect(executorInput.inputs).toEqual({ parameterValues: { a: 1, b: 2 }, artifacts: {} });
  });

  it('passes an output parameter file from producer to consumer', async () => {
    const executor = new ScriptedExecutor().on({ task: 'producer' }, async (run) => {
      const [, , , text, file] = run.spec.argv;
      expect(file).toBe(`${run.taskRoot}/parameters/output_value`);
      await run.outputFile('output_value', `${text ?? ''}, this is an output parameter\n`);
      return 0;
    });
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('critical/producer_consumer_param_pipeline.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(executor.started).toEqual(['producer', 'consumer']);
    expect(executor.calls[1]?.argv.at(-1)).toBe('Hello world, this is an output parameter\n');
    expect(recorder.one('consumer').inputs.parameters).toEqual({
      input_value: 'Hello world, this is an output parameter\n',
    });
  });

  it('resolves Concat placeholders into one argument', async () => {
    const executor = new ScriptedExecutor();
    await runHarness({ spec: loadCorpusSpec('pipeline_with_concat_placeholder.yaml'), executor });
    expect(executor.calls[0]?.argv).toEqual([
      'sh',
      '-ec',
      `echo "$0" > /tmp/test && [[ "$0" == 'one+two=three' ]]`,
      'one+two=three',
    ]);
  });

  it('drops an IfPresent without Else and uses Else for optional parameters that were not given', async () => {
    const executor = new ScriptedExecutor();
    const spec = loadCorpusSpec('essential/placeholder_with_if_placeholder_none_input_value.yaml');
    const { outcome } = await runHarness({ spec, executor });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(executor.calls[0]?.argv).toEqual([
      'echo',
      '--arg0',
      'input0',
      '--arg2',
      'default value',
    ]);
  });

  it('takes the Else branch of IfPresent for an optional artifact that was not given', async () => {
    const executor = new ScriptedExecutor();
    const { outcome } = await runHarness({
      spec: loadCorpusSpec('components_with_optional_artifacts.yaml'),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    const printer = executor.calls.filter(
      (call) => call.labels?.['skiff.task-name'] === 'custom-artifact-printer',
    );
    expect(printer[0]?.argv).toEqual(['echo', 'No artifact provided!']);
  });

  it('resolves resource limits given as pipeline inputs', async () => {
    const executor = new ScriptedExecutor().on({ fn: 'sum_numbers' }, (run) => {
      run.output('Output', 3);
      return 0;
    });
    const spec = loadCorpusSpec('pipeline_with_string_machine_fields_pipeline_input.yaml');
    const { outcome } = await runHarness({ spec, executor, parameters: { memory_limit: '256Mi' } });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(executor.calls[0]?.resources).toEqual({
      cpuLimit: 4,
      memoryLimitBytes: 268_435_456,
      gpus: { count: 1 },
    });
  });

  it('gives the container the run folder and the Python runtime at their host paths', async () => {
    const executor = new ScriptedExecutor().on({ fn: 'add_numbers' }, (run) => {
      run.output('Output', 0);
      return 0;
    });
    const { pipelineRoot } = await runHarness({
      spec: loadCorpusSpec('critical/add_numbers.yaml'),
      executor,
      parameters: { a: 0, b: 0 },
      pythonRuntimeDir: '/opt/skiff/python',
      resolveImage: (image) => `local/${image}`,
    });
    const spec = executor.calls[0];
    expect(spec?.image).toBe('local/python:3.11');
    expect(spec?.mounts).toEqual([
      { hostPath: pipelineRoot, containerPath: pipelineRoot },
      { hostPath: '/opt/skiff/python', containerPath: '/opt/skiff/python', readOnly: true },
    ]);
    expect(spec?.env.PYTHONPATH).toBe('/opt/skiff/python');
  });
});

describe('runPipeline', () => {
  it('runs independent tasks in parallel up to the concurrency limit', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const executor = new ScriptedExecutor(async () => {
      if (executor.calls.length === 2) setTimeout(release, 5);
      await gate;
      return 0;
    });
    const spec = echoPipeline({
      a: [],
      b: [],
      c: [],
      d: [],
      e: [],
      join: ['a', 'b', 'c', 'd', 'e'],
    });
    const { outcome } = await runHarness({ spec, executor, concurrency: 2 });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(executor.maxConcurrent).toBe(2);
    expect(executor.started.at(-1)).toBe('join');
    expect(executor.calls.map((call) => call.argv[1])).toContain('join');
  });

  it('fails at once, naming the parameter, when a required parameter is missing or bad', async () => {
    const spec: PipelineSpec = {
      ...echoPipeline({ a: [] }),
      root: {
        ...echoPipeline({ a: [] }).root,
        inputDefinitions: { parameters: { n: { parameterType: 'NUMBER_INTEGER' } } },
      },
    };
    const executor = new ScriptedExecutor();
    const missing = await runHarness({ spec, executor });
    expect(missing.outcome).toMatchObject({
      state: 'FAILED',
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('"n"') as string },
    });
    const bad = await runHarness({ spec, executor, parameters: { n: 'seven' } });
    expect(bad.outcome.error?.message).toMatch(
      /Pipeline parameter "n": "seven" is not a whole number/,
    );
    expect(bad.recorder.all()).toEqual([]);
    expect(executor.calls).toEqual([]);
  });

  it('fails a task with an unknown placeholder, naming it', async () => {
    const spec = echoPipeline({ a: [], b: ['a'] });
    spec.deploymentSpec = {
      executors: {
        'exec-echo': { container: { image: 'alpine', command: ['echo', '{{$.no_such_thing}}'] } },
      },
    };
    const executor = new ScriptedExecutor();
    const { outcome, recorder } = await runHarness({ spec, executor });
    expect(outcome.state).toBe('FAILED');
    expect(outcome.error?.message).toMatch(
      /Task "a" failed: Cannot resolve the placeholder \{\{\$\.no_such_thing\}\}/,
    );
    expect(recorder.one('b').state).toBe('SKIPPED');
    expect(executor.calls).toEqual([]);
  });

  it('names the failed task, its exit code and its last output in the run error', async () => {
    const executor = new ScriptedExecutor((run) => {
      run.log('Traceback (most recent call last):', 'stderr');
      run.log('ValueError: bad input', 'stderr');
      return 3;
    });
    const { outcome, recorder } = await runHarness({
      spec: echoPipeline({ a: [], b: ['a'] }),
      executor,
    });
    expect(outcome.state).toBe('FAILED');
    expect(outcome.error?.message).toBe(
      'Task "a" failed: the container exited with code 3. Last output: Traceback (most recent call last): | ValueError: bad input',
    );
    expect(recorder.one('a').error).toEqual(outcome.error);
    expect(recorder.one('b').state).toBe('SKIPPED');
    expect(recorder.logsOf(recorder.one('a').taskId)).toContain('ValueError: bad input');
  });

  it('writes executor_output.json where the ExecutorInput says', async () => {
    const executor = new ScriptedExecutor().on({ fn: 'add_numbers' }, (run) => {
      run.output('Output', 5);
      return 0;
    });
    if (!corpusAvailable) return;
    const { recorder } = await runHarness({
      spec: loadCorpusSpec('critical/add_numbers.yaml'),
      executor,
      parameters: { a: 2, b: 3 },
    });
    const argv = executor.calls[0]?.argv ?? [];
    const input = JSON.parse(argv[argv.indexOf('--executor_input') + 1] ?? '{}') as {
      outputs: { outputFile: string };
    };
    expect(JSON.parse(await readFile(input.outputs.outputFile, 'utf8'))).toMatchObject({
      parameterValues: { Output: 5 },
    });
    expect(recorder.one('add-numbers').outputs.parameters.Output).toBe(5);
  });
});
