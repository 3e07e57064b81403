import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { SkiffError } from '../../core/errors.js';
import type { PipelineSpec, PipelineTaskSpec } from '../ir/pipeline-spec.js';
import { corpusAvailable, explainCorpusSkip, loadCorpusSpec } from './testing/corpus.js';
import { InMemoryCache } from './testing/memory-cache.js';
import { removeHarnessRoots, runHarness } from './testing/scheduler-harness.js';
import { ScriptedExecutor } from './testing/scripted-executor.js';

afterAll(removeHarnessRoots);
explainCorpusSkip();

function single(task: Partial<PipelineTaskSpec> = {}, outputs = false): PipelineSpec {
  return {
    pipelineInfo: { name: 'single' },
    components: {
      'comp-step': {
        executorLabel: 'exec-step',
        inputDefinitions: { parameters: { x: { parameterType: 'NUMBER_INTEGER' } } },
        ...(outputs
          ? {
              outputDefinitions: {
                artifacts: { out: { artifactType: { schemaTitle: 'system.Dataset' } } },
              },
            }
          : {}),
      },
    },
    deploymentSpec: {
      executors: {
        'exec-step': {
          container: { image: 'alpine', command: ['step', "{{$.inputs.parameters['x']}}"] },
        },
      },
    },
    root: {
      inputDefinitions: {
        parameters: { x: { parameterType: 'NUMBER_INTEGER', defaultValue: 1, isOptional: true } },
      },
      dag: {
        tasks: {
          step: {
            taskInfo: { name: 'step' },
            componentRef: { name: 'comp-step' },
            inputs: { parameters: { x: { componentInputParameter: 'x' } } },
            ...task,
          },
        },
      },
    },
  };
}

describe.skipIf(!corpusAvailable)('retry and cache on corpus pipelines', () => {
  it('retries a failing task and succeeds on the third attempt', async () => {
    const executor = new ScriptedExecutor().on({ fn: 'add' }, (run) => {
      if (run.attempt < 3) return 1;
      run.output('Output', Number(run.input('a')) + Number(run.input('b')));
      return 0;
    });
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('critical/pipeline_with_retry.yaml'),
      executor,
    });
    expect(outcome).toEqual({ state: 'SUCCEEDED', outputs: { parameters: {}, artifacts: {} } });
    const task = recorder.one('add');
    expect(task).toMatchObject({
      state: 'SUCCEEDED',
      attempts: 3,
      outputs: { parameters: { Output: 8 } },
    });
    expect(recorder.logsOf(task.taskId)).toContain(
      '[skiff] Attempt 1 failed (the container exited with code 1); retrying in 0s (retry 1 of 3).',
    );
  });

  it('reuses cached outputs on the second run and records the hit', async () => {
    const cache = new InMemoryCache();
    const executor = new ScriptedExecutor().on(
      { fn: 'add_one' },
      (run) => (run.output('Output', Number(run.input('x')) + 1), 0),
    );
    const spec = loadCorpusSpec('local_execution/pipeline_with_caching.yaml');
    const first = await runHarness({ spec, executor, cache, cacheEnabled: true, runId: 'run-a' });
    const second = await runHarness({ spec, executor, cache, cacheEnabled: true, runId: 'run-b' });
    expect(executor.calls).toHaveLength(1);
    expect(second.outcome).toEqual(first.outcome);
    expect(second.recorder.one('add-one')).toMatchObject({
      state: 'SUCCEEDED',
      cached: true,
      fingerprint: first.recorder.one('add-one').fingerprint,
    });
    const third = await runHarness({
      spec,
      executor,
      cache,
      cacheEnabled: true,
      parameters: { x: 5 },
    });
    expect(third.outcome.outputs.parameters.Output).toBe(6);
    expect(executor.calls).toHaveLength(2);
  });
});

describe('retry', () => {
  it('waits backoffDuration × backoffFactor^n, capped, on the fake clock', async () => {
    const spec = single({
      retryPolicy: {
        maxRetryCount: 3,
        backoffDuration: '3s',
        backoffFactor: 2,
        backoffMaxDuration: '10s',
      },
    });
    const executor = new ScriptedExecutor(() => 2);
    const { outcome, recorder, clock } = await runHarness({ spec, executor });
    expect(outcome.state).toBe('FAILED');
    expect(outcome.error?.message).toBe(
      'Task "step" failed: the container exited with code 2 after 4 attempts.',
    );
    expect(recorder.one('step').attempts).toBe(4);
    expect(clock.now().getTime() - new Date('2026-01-01T00:00:00Z').getTime()).toBe(
      3000 + 6000 + 10_000,
    );
  });

  it('does not retry when the executor cannot run the task at all', async () => {
    const executor = new ScriptedExecutor(() => {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        'Image `alpine` is not present and Skiff is offline.',
      );
    });
    const { outcome, recorder } = await runHarness({
      spec: single({ retryPolicy: { maxRetryCount: 3 } }),
      executor,
    });
    expect(outcome.error).toEqual({
      code: 'FAILED_PRECONDITION',
      message: 'Task "step" failed: Image `alpine` is not present and Skiff is offline.',
    });
    expect(recorder.one('step').attempts).toBe(1);
  });
});

describe('cache', () => {
  const cached = { cachingOptions: { enableCache: true } };

  it('neither looks up nor stores when the run or the task disables caching', async () => {
    const cache = new InMemoryCache();
    const executor = new ScriptedExecutor();
    await runHarness({ spec: single(cached), executor, cache, cacheEnabled: false });
    await runHarness({ spec: single({ cachingOptions: {} }), executor, cache, cacheEnabled: true });
    expect(cache.lookups).toBe(0);
    expect(cache.entries.size).toBe(0);
    expect(executor.calls).toHaveLength(2);
  });

  it('shares a hit between tasks with the same cacheKey whatever their inputs', async () => {
    const cache = new InMemoryCache();
    const executor = new ScriptedExecutor();
    const keyed = { cachingOptions: { enableCache: true, cacheKey: 'v1' } };
    await runHarness({
      spec: single(keyed),
      executor,
      cache,
      cacheEnabled: true,
      parameters: { x: 1 },
    });
    const second = await runHarness({
      spec: single(keyed),
      executor,
      cache,
      cacheEnabled: true,
      parameters: { x: 2 },
    });
    expect(executor.calls).toHaveLength(1);
    expect(second.recorder.one('step').cached).toBe(true);
  });

  it('runs the task again when the cached artifacts are gone', async () => {
    const cache = new InMemoryCache();
    const executor = new ScriptedExecutor(async (run) => (await run.artifact('out', 'data'), 0));
    const first = await runHarness({
      spec: single(cached, true),
      executor,
      cache,
      cacheEnabled: true,
    });
    await rm(first.pipelineRoot, { recursive: true, force: true });
    const second = await runHarness({
      spec: single(cached, true),
      executor,
      cache,
      cacheEnabled: true,
    });
    expect(executor.calls).toHaveLength(2);
    expect(second.recorder.one('step').cached).toBe(false);
  });

  it('does not store a failed execution', async () => {
    const cache = new InMemoryCache();
    await runHarness({
      spec: single(cached),
      executor: new ScriptedExecutor(() => 1),
      cache,
      cacheEnabled: true,
    });
    expect(cache.entries.size).toBe(0);
  });
});
