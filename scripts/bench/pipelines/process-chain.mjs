import { spawn } from 'node:child_process';
import { containerChain } from './ir.mjs';
import { median, startEngine } from './engine.mjs';

const TASKS = 100;

/** Spawns `true` and waits for it to exit: the least any executor must do per task. */
function spawnTrue() {
  return new Promise((resolve, reject) => {
    const child = spawn('true', [], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', resolve);
  });
}

/**
 * A chain of 100 no-op tasks (`true`, each after the previous, caching off) on the process
 * executor, POST → SUCCEEDED, against spawning the same 100 processes in sequence from
 * Node. The difference is Skiff's per-task overhead: scheduling, records, executor.
 */
export async function measureProcessChain(rounds = 3) {
  const engine = await startEngine();
  try {
    await engine.settings({ pipelines: { executor: 'process', concurrency: 8 } });
    const spec = containerChain({
      name: 'bench-chain-100',
      count: TASKS,
      image: 'local/busybox:1',
      command: ['true'],
    });
    // The first run pays one-time costs (execa's import, the Default experiment).
    const warm = await engine.runToEnd(
      containerChain({ name: 'warm', count: 2, image: 'local/busybox:1', command: ['true'] }),
    );
    if (warm.run.state !== 'SUCCEEDED') throw new Error(`warm-up run ${warm.run.state}`);
    const skiff = [];
    const direct = [];
    for (let i = 0; i < rounds; i++) {
      const { ms, run } = await engine.runToEnd(spec);
      if (run.state !== 'SUCCEEDED')
        throw new Error(`100-task chain ${run.state}: ${run.error?.message}`);
      skiff.push(ms);
      const started = performance.now();
      for (let t = 0; t < TASKS; t++) await spawnTrue();
      direct.push(performance.now() - started);
    }
    return { tasks: TASKS, skiff: median(skiff), direct: median(direct) };
  } finally {
    await engine.stop();
  }
}
