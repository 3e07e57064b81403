import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  corpusAvailable,
  explainCorpusSkip,
  loadCorpusPlatformSpec,
  loadCorpusSpec,
} from './testing/corpus.js';
import { removeHarnessRoots, runHarness } from './testing/scheduler-harness.js';
import { ScriptedExecutor } from './testing/scripted-executor.js';

afterAll(removeHarnessRoots);
explainCorpusSkip();

describe.skipIf(!corpusAvailable)('kfp-kubernetes volumes', () => {
  it('turns CreatePVC into a run folder, mounts it where pvcMount says, and DeletePVC removes it', async () => {
    const file = 'pipeline_with_volume_no_cache.yaml';
    let volumeDuringRun = '';
    const executor = new ScriptedExecutor((run) => {
      const mount = run.spec.mounts.find((m) => m.containerPath === '/data');
      volumeDuringRun = mount?.hostPath ?? '';
      run.output('Output', existsSync(volumeDuringRun) ? 'mounted' : 'missing');
      return 0;
    });
    const { outcome, recorder, pipelineRoot } = await runHarness({
      spec: loadCorpusSpec(file),
      platformSpec: loadCorpusPlatformSpec(file),
      executor,
    });
    expect(outcome.state).toBe('SUCCEEDED');
    expect(recorder.one('createpvc')).toMatchObject({
      state: 'SUCCEEDED',
      outputs: { parameters: { name: 'run-1-my-pvc' } },
    });
    expect(volumeDuringRun).toBe(path.join(pipelineRoot, 'volumes', 'run-1-my-pvc'));
    expect(recorder.one('consumer').outputs.parameters.Output).toBe('mounted');
    expect(recorder.one('deletepvc').state).toBe('SUCCEEDED');
    expect(existsSync(volumeDuringRun)).toBe(false);
    expect(executor.started.sort()).toEqual(['consumer', 'producer']);
  });

  it('mounts a volume named by a loop input', async () => {
    const file = 'parallel_and_nested/parallel_for_mount_pvc.yaml';
    const executor = new ScriptedExecutor((run) => (run.output('Output', 'ok'), 0));
    const { outcome } = await runHarness({
      spec: loadCorpusSpec(file),
      platformSpec: loadCorpusPlatformSpec(file),
      executor,
    });
    expect(outcome.error?.message).toBeUndefined();
    expect(executor.calls.length).toBeGreaterThan(0);
    for (const call of executor.calls)
      expect(call.mounts.some((m) => m.containerPath === '/data')).toBe(true);
  });
});
