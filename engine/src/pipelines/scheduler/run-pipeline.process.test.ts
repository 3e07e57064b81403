/**
 * End to end with real host processes (engine/src/executors/process-executor.ts) and
 * Skiff's Python runtime: proves the paths, placeholders and output files work for real,
 * not only against the scripted executor.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProcessExecutor } from '../../executors/process-executor.js';
import type { PipelineSpec } from '../ir/pipeline-spec.js';
import { defaultPythonRuntimeDir } from '../python/lightweight-python.js';
import { corpusAvailable, explainCorpusSkip, loadCorpusSpec } from './testing/corpus.js';
import { removeHarnessRoots, runHarness } from './testing/scheduler-harness.js';

afterAll(removeHarnessRoots);
explainCorpusSkip();

const pythonRuntimeDir = defaultPythonRuntimeDir();
const pythonReady =
  hasPython() && existsSync(path.join(pythonRuntimeDir, 'kfp', 'dsl', 'executor_main.py'));
if (!pythonReady)
  console.warn(
    `Skipping Python end-to-end runs: python3 or ${pythonRuntimeDir}/kfp/dsl/executor_main.py is missing.`,
  );

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const run = (
  spec: PipelineSpec,
  options: { parameters?: Record<string, never>; signal?: AbortSignal } = {},
) => runHarness({ spec, executor: createProcessExecutor(), pythonRuntimeDir, ...options });

describe.skipIf(!corpusAvailable)('real processes', () => {
  it('passes an output parameter file between two shell containers', async () => {
    const { outcome, recorder } = await run(
      loadCorpusSpec('critical/producer_consumer_param_pipeline.yaml'),
    );
    expect(outcome.state).toBe('SUCCEEDED');
    const consumer = recorder.one('consumer');
    expect(consumer.inputs.parameters.input_value).toBe(
      'Hello world, this is an output parameter\n',
    );
    expect(recorder.logsOf(consumer.taskId)).toContain('Hello world, this is an output parameter');
  });

  it.skipIf(!pythonReady)(
    'runs a lightweight Python component offline and returns its output',
    async () => {
      const { outcome, recorder } = await run(loadCorpusSpec('critical/add_numbers.yaml'), {
        parameters: { a: 2, b: 40 } as never,
      });
      expect(outcome.error).toBeUndefined();
      expect(outcome).toEqual({
        state: 'SUCCEEDED',
        outputs: { parameters: { Output: 42 }, artifacts: {} },
      });
      expect(recorder.one('add-numbers').outputs.parameters.Output).toBe(42);
    },
  );

  it.skipIf(!pythonReady)(
    'passes an artifact written by a shell container out of a nested pipeline',
    async () => {
      const { outcome, recorder } = await run(
        loadCorpusSpec('essential/pipeline_with_outputs.yaml'),
      );
      expect(outcome.error).toBeUndefined();
      const artifact = outcome.outputs.artifacts.Output?.[0];
      expect(artifact?.uri).toMatch(/inner-pipeline\/print-op2\/[^/]+\/data$/);
      const produced = recorder.produced.find((a) => a.artifactId === artifact?.artifactId);
      expect(produced?.sizeBytes).toBe('world\n'.length);
      expect(recorder.at('print-op1').outputs.parameters.Output).toBe('Hello');
      expect(recorder.at('inner-pipeline', 'print-op1').outputs.parameters.Output).toBe('world');
    },
  );

  it('stops a running process when the run is cancelled', async () => {
    const spec: PipelineSpec = {
      pipelineInfo: { name: 'sleeper' },
      components: { 'comp-sleep': { executorLabel: 'exec-sleep' } },
      deploymentSpec: {
        executors: {
          'exec-sleep': {
            container: { image: 'alpine', command: ['sh', '-c', 'echo started; sleep 30'] },
          },
        },
      },
      root: {
        dag: {
          tasks: { sleep: { taskInfo: { name: 'sleep' }, componentRef: { name: 'comp-sleep' } } },
        },
      },
    };
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 300);
    const { outcome, recorder } = await run(spec, { signal: controller.signal });
    expect(outcome.state).toBe('CANCELED');
    expect(recorder.one('sleep').state).toBe('CANCELED');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
