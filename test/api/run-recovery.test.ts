import { afterAll, describe, expect, it } from 'vitest';
import { compile, containerComponent, pipeline } from '../../engine/src/pipelines/dsl/index.js';
import { startEngineProcess, tempHome, type EngineProcess } from '../support/engine-process.js';

const sleeper = containerComponent({
  name: 'sleep-long',
  image: 'busybox',
  command: () => ['sh', '-c', 'sleep 60'],
});
const longRun = pipeline({ name: 'long-run' }, () => {
  sleeper({});
});

interface TaskDetail {
  display_name: string;
  state: string;
  executor_detail?: { main_job?: string };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a run in flight when the engine is killed', () => {
  let engine: EngineProcess | undefined;

  afterAll(async () => {
    await engine?.stop();
  });

  it('is failed with the reason on restart, and its task process is stopped', async () => {
    const home = tempHome('skiff-recovery-');
    const first = await startEngineProcess(home);
    const headers = { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' };
    await fetch(`${first.url}/api/v1/settings`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ pipelines: { executor: 'process' } }),
    });
    const created = await fetch(`${first.url}/apis/v2beta1/runs`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ display_name: 'interrupted', pipeline_spec: compile(longRun) }),
    });
    const { run_id: runId } = (await created.json()) as { run_id: string };
    const pid = await until(async () => {
      const run = (await (
        await fetch(`${first.url}/apis/v2beta1/runs/${runId}`, { headers })
      ).json()) as {
        run_details?: { task_details?: TaskDetail[] };
      };
      const task = run.run_details?.task_details?.find(
        (t) => t.display_name === 'sleep-long' && t.state === 'RUNNING',
      );
      return task?.executor_detail?.main_job ? Number(task.executor_detail.main_job) : undefined;
    });
    expect(alive(pid)).toBe(true);

    await first.kill();
    expect(alive(pid), 'the task outlives a SIGKILLed engine').toBe(true);
    engine = await startEngineProcess(home);
    const again = { authorization: `Bearer ${engine.token}` };
    const run = (await (
      await fetch(`${engine.url}/apis/v2beta1/runs/${runId}`, { headers: again })
    ).json()) as {
      state: string;
      error?: { message: string };
      run_details?: { task_details?: TaskDetail[] };
    };
    expect(run.state).toBe('FAILED');
    expect(run.error?.message).toMatch(/engine stopped while this run was in progress/);
    expect(run.run_details?.task_details?.find((t) => t.display_name === 'sleep-long')?.state).toBe(
      'FAILED',
    );
    await until(() => Promise.resolve(alive(pid) ? undefined : true), 5000);
  });
});
