import autocannon from 'autocannon';
import { containerChain } from './ir.mjs';
import { startEngine } from './engine.mjs';

const RUNS = 50;
const TASKS = 5;
const CONCURRENCY = 8;
const LIST = '/apis/v2beta1/runs?page_size=20';

/** autocannon with 10 connections until `stop()`, or for `seconds`. */
function listLoad(engine, seconds) {
  let instance;
  const done = new Promise((resolve, reject) => {
    instance = autocannon(
      { url: `${engine.url}${LIST}`, connections: 10, duration: seconds, headers: engine.headers },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  return { stop: () => instance.stop(), done };
}

const figures = (result) => ({
  p50: result.latency.p50,
  p99: result.latency.p99,
  requests: result.requests.total,
  errors: result.errors + result.non2xx,
});

/**
 * 50 runs of a 5-task no-op chain posted at once (process executor, caching off, 8 tasks
 * at a time), while the UI's run list (`GET /apis/v2beta1/runs?page_size=20`) is hammered
 * by 10 connections: the list must stay responsive while the engine schedules. Baseline:
 * the same load on the same engine once idle (same rows in the table).
 */
export async function measureConcurrentRuns() {
  const engine = await startEngine();
  try {
    await engine.settings({ pipelines: { executor: 'process', concurrency: CONCURRENCY } });
    const spec = containerChain({
      name: 'bench-5',
      count: TASKS,
      image: 'local/busybox:1',
      command: ['true'],
    });
    const warm = await engine.runToEnd(spec);
    if (warm.run.state !== 'SUCCEEDED') throw new Error(`5-task run ${warm.run.state}`);

    const watch = await engine.watchRuns();
    const load = listLoad(engine, 120);
    const started = performance.now();
    const ids = await Promise.all(
      Array.from(
        { length: RUNS },
        async (_, i) => (await engine.createRun(spec, {}, `load-${i}`)).run_id,
      ),
    );
    const ended = await Promise.all(ids.map((id) => watch.ended(id)));
    const loadMs = performance.now() - started;
    load.stop();
    const busy = figures(await load.done);
    watch.close();
    const failed = ended.filter((e) => e.state !== 'SUCCEEDED');

    const idleLoad = listLoad(engine, Math.max(2, Math.min(10, Math.round(loadMs / 1000))));
    const idle = figures(await idleLoad.done);
    return {
      runs: RUNS,
      tasks: TASKS,
      succeeded: RUNS - failed.length,
      failed,
      loadMs,
      busy,
      idle,
    };
  } finally {
    await engine.stop();
  }
}
