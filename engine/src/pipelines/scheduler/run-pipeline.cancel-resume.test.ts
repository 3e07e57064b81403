import { afterAll, describe, expect, it } from 'vitest';
import { SkiffError } from '../../core/errors.js';
import type { PipelineSpec, PipelineTaskSpec } from '../ir/pipeline-spec.js';
import { harnessRoot, removeHarnessRoots, runHarness } from './testing/scheduler-harness.js';
import { ScriptedExecutor } from './testing/scripted-executor.js';

afterAll(removeHarnessRoots);

/** step tasks that pass a number along: each outputs its input + 1. */
function chain(tasks: Record<string, Partial<PipelineTaskSpec>>, loop?: string): PipelineSpec {
  const step = (key: string, task: Partial<PipelineTaskSpec>): PipelineTaskSpec => ({
    taskInfo: { name: key },
    componentRef: { name: 'comp-step' },
    ...task,
  });
  return {
    pipelineInfo: { name: 'chain' },
    components: {
      'comp-step': {
        executorLabel: 'exec-step',
        inputDefinitions: {
          parameters: { n: { parameterType: 'NUMBER_INTEGER', isOptional: true, defaultValue: 0 } },
        },
        outputDefinitions: { parameters: { Output: { parameterType: 'NUMBER_INTEGER' } } },
      },
      'comp-for-loop-1': {
        dag: {
          tasks: {
            inner: step('inner', {
              inputs: { parameters: { n: { componentInputParameter: 'item' } } },
            }),
          },
        },
      },
    },
    deploymentSpec: {
      executors: {
        'exec-step': {
          container: { image: 'alpine', command: ['step', '--executor_input', '{{$}}'] },
        },
      },
    },
    root: {
      dag: {
        tasks: {
          ...Object.fromEntries(Object.entries(tasks).map(([key, task]) => [key, step(key, task)])),
          ...(loop === undefined
            ? {}
            : {
                'for-loop-1': {
                  taskInfo: { name: 'for-loop-1' },
                  componentRef: { name: 'comp-for-loop-1' },
                  parameterIterator: { itemInput: 'item', items: { raw: loop } },
                },
              }),
        },
      },
    },
  };
}

const fromPrevious = (producer: string) => ({
  parameters: {
    n: { taskOutputParameter: { producerTask: producer, outputParameterKey: 'Output' } },
  },
});

describe('cancel', () => {
  it('stops running tasks, cancels pending ones and ends CANCELED', async () => {
    const controller = new AbortController();
    const executor = new ScriptedExecutor(async (run) => {
      if (run.task === 'slow') {
        setTimeout(
          () => controller.abort(new SkiffError('CANCELLED', 'Terminated by the user.')),
          1,
        );
        return run.untilCancelled();
      }
      run.output('Output', 1);
      return 0;
    });
    const spec = chain({ slow: {}, after: { inputs: fromPrevious('slow') }, waiting: {} });
    const { outcome, recorder } = await runHarness({
      spec,
      executor,
      signal: controller.signal,
      concurrency: 1,
    });
    expect(outcome).toMatchObject({
      state: 'CANCELED',
      error: { code: 'CANCELLED', message: 'Terminated by the user.' },
    });
    expect(recorder.one('slow').state).toBe('CANCELED');
    expect(recorder.one('after').state).toBe('CANCELED');
    expect(recorder.one('waiting').state).toBe('CANCELED');
    expect(executor.started).toEqual(['slow']);
    expect(recorder.all().every((task) => task.finishedAt !== undefined)).toBe(true);
  });

  it('cancels during a retry backoff', async () => {
    const controller = new AbortController();
    const executor = new ScriptedExecutor(() => {
      controller.abort();
      return 1;
    });
    const spec = chain({ flaky: { retryPolicy: { maxRetryCount: 5, backoffDuration: '1s' } } });
    const { outcome, recorder } = await runHarness({ spec, executor, signal: controller.signal });
    expect(outcome.state).toBe('CANCELED');
    expect(recorder.one('flaky').state).toBe('CANCELED');
    expect(executor.calls).toHaveLength(1);
  });
});

describe('retry of a run (resumeFrom)', () => {
  it('reuses the tasks that succeeded and runs the rest', async () => {
    const pipelineRoot = harnessRoot();
    let failing = true;
    const executor = new ScriptedExecutor((run) => {
      if (run.task === 'second' && failing) return 1;
      run.output('Output', Number(run.input('n') ?? 0) + 1);
      return 0;
    });
    const spec = chain(
      {
        first: {},
        second: { inputs: fromPrevious('first') },
        third: { inputs: fromPrevious('second') },
      },
      '[1, 2]',
    );
    const before = await runHarness({ spec, executor, pipelineRoot });
    expect(before.outcome.state).toBe('FAILED');
    expect(executor.started.sort()).toEqual(['first', 'inner', 'inner', 'second']);
    failing = false;
    const after = await runHarness({
      spec,
      executor,
      pipelineRoot,
      resumeFrom: before.recorder.all(),
    });
    expect(after.outcome.state).toBe('SUCCEEDED');
    expect(executor.started.slice(4)).toEqual(['second', 'third']);
    expect(after.recorder.one('first')).toMatchObject({
      state: 'SUCCEEDED',
      outputs: { parameters: { Output: 1 } },
    });
    expect(after.recorder.one('third').outputs.parameters.Output).toBe(3);
    expect(after.recorder.named('inner').map((task) => task.state)).toEqual([
      'SUCCEEDED',
      'SUCCEEDED',
    ]);
    expect(after.recorder.logsOf(after.recorder.one('first').taskId)[0]).toMatch(
      /Reused from the previous attempt/,
    );
  });
});
