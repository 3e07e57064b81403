import { afterAll, describe, expect, it } from 'vitest';
import type { PipelineSpec, PipelineTaskSpec } from '../ir/pipeline-spec.js';
import { corpusAvailable, explainCorpusSkip, loadCorpusSpec } from './testing/corpus.js';
import { removeHarnessRoots, runHarness } from './testing/scheduler-harness.js';
import { ScriptedExecutor } from './testing/scripted-executor.js';

afterAll(removeHarnessRoots);
explainCorpusSkip();

describe.skipIf(!corpusAvailable)('exit handlers on corpus pipelines', () => {
  it('fails the run but runs every exit task when a task inside an exit handler fails', async () => {
    const executor = new ScriptedExecutor().on({ fn: 'fail_op' }, (run) => {
      run.log('Task failed.', 'stderr');
      return 1;
    });
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('failing/pipeline_with_multiple_exit_handlers.yaml'),
      executor,
    });
    expect(outcome.state).toBe('FAILED');
    expect(outcome.error).toEqual({
      code: 'FAILED_PRECONDITION',
      message:
        'Task "fail-op" (in exit-handler-1) failed: the container exited with code 1. Last output: Task failed.',
    });
    expect(recorder.at('exit-handler-1')).toMatchObject({ kind: 'dag', state: 'FAILED' });
    expect(recorder.at('exit-handler-1', 'print-op-2').state).toBe('SUCCEEDED');
    for (const exitTask of ['print-op', 'print-op-3', 'print-op-5'])
      expect(recorder.at(exitTask).state).toBe('SUCCEEDED');
    expect(recorder.at('exit-handler-2').state).toBe('SUCCEEDED');
  });

  it('gives the exit task the final status of the failed handler', async () => {
    const executor = new ScriptedExecutor().on({ fn: 'fail_op' }, () => 1);
    const { outcome, recorder } = await runHarness({
      spec: loadCorpusSpec('pipeline_with_task_final_status.yaml'),
      executor,
    });
    expect(outcome.state).toBe('FAILED');
    const exit = recorder.at('exit-op');
    expect(exit.state).toBe('SUCCEEDED');
    expect(exit.inputs.parameters).toEqual({
      user_input: 'Hello World!',
      status: {
        state: 'FAILED',
        pipelineJobResourceName: expect.stringMatching(
          /^pipeline-with-task-final-status-/,
        ) as string,
        pipelineTaskName: 'exit-handler-1',
        error: {
          code: 9,
          message: expect.stringContaining('Task "fail-op" (in exit-handler-1) failed') as string,
        },
      },
    });
  });

  it('reports COMPLETE (as a cluster does) to the exit task when the handler succeeded', async () => {
    const executor = new ScriptedExecutor()
      .on({ fn: 'echo' }, (run) => (run.output('Output', run.text('message')), 0))
      .on({ fn: 'record_exit' }, (run) => {
        const status = run.input('status') as { state: string };
        run.output('Output', `exit:${status.state}`);
        return 0;
      });
    const spec = loadCorpusSpec('local_execution/local_execution_pipeline_with_exit_handler.yaml');
    const { outcome, recorder } = await runHarness({ spec, executor });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(recorder.at('record-exit').outputs.parameters.Output).toBe('exit:COMPLETE');
  });

  it('fails fail_v2 with the exit code', async () => {
    const { outcome } = await runHarness({
      spec: loadCorpusSpec('failing/fail_v2.yaml'),
      executor: new ScriptedExecutor(() => 1),
    });
    expect(outcome).toMatchObject({
      state: 'FAILED',
      error: { message: 'Task "fail" failed: the container exited with code 1.' },
    });
  });
});

function pipeline(tasks: Record<string, Partial<PipelineTaskSpec>>): PipelineSpec {
  return {
    pipelineInfo: { name: 'strategies' },
    components: { 'comp-step': { executorLabel: 'exec-step' } },
    deploymentSpec: {
      executors: { 'exec-step': { container: { image: 'alpine', command: ['step'] } } },
    },
    root: {
      dag: {
        tasks: Object.fromEntries(
          Object.entries(tasks).map(([key, task]) => [
            key,
            { taskInfo: { name: key }, componentRef: { name: 'comp-step' }, ...task },
          ]),
        ),
      },
    },
  };
}

describe('trigger strategies', () => {
  it('runs ALL_UPSTREAM_TASKS_COMPLETED tasks after a failure and skips the others', async () => {
    const spec = pipeline({
      a: {},
      cleanup: {
        dependentTasks: ['a'],
        triggerPolicy: { strategy: 'ALL_UPSTREAM_TASKS_COMPLETED' },
      },
      next: { dependentTasks: ['a'] },
      after_next: { dependentTasks: ['next'] },
      independent: {},
    });
    const executor = new ScriptedExecutor((run) => (run.task === 'a' ? 1 : 0));
    const { outcome, recorder } = await runHarness({ spec, executor });
    expect(outcome.state).toBe('FAILED');
    expect(executor.started.sort()).toEqual(['a', 'cleanup', 'independent']);
    expect(recorder.one('next').state).toBe('SKIPPED');
    expect(recorder.one('after_next').state).toBe('SKIPPED');
    expect(recorder.logsOf(recorder.one('next').taskId)).toEqual([
      '[skiff] Not run: upstream task "a" ended FAILED.',
    ]);
  });

  it('fails every task of a dependency cycle instead of waiting forever', async () => {
    const { outcome, recorder } = await runHarness({
      spec: pipeline({ a: { dependentTasks: ['b'] }, b: { dependentTasks: ['a'] } }),
      executor: new ScriptedExecutor(),
    });
    expect(outcome.state).toBe('FAILED');
    expect(recorder.one('a').error?.message).toMatch(/dependency cycle/);
  });
});
