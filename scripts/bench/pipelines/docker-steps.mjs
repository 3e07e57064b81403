import { spawn } from 'node:child_process';
import { containerChain } from './ir.mjs';
import { dockerStatus, median, startEngine } from './engine.mjs';

const IMAGE = 'local/busybox:1';
const SCRIPT = 'echo x > /dev/null';
const STEPS = 3;

function dockerRun() {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', ['run', '--rm', '--network', 'host', IMAGE, 'sh', '-c', SCRIPT], {
      stdio: 'ignore',
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`docker run exited ${code}`)),
    );
  });
}

/**
 * A 3-step chain of busybox containers on the docker executor, POST → SUCCEEDED, against
 * 3 sequential `docker run --rm` calls: what a user would type instead. Container
 * create/start/remove dominate both, so the ratio shows the engine's own share.
 * Undefined (with the reason) when no Docker daemon answers.
 */
export async function measureDockerSteps(rounds = 5) {
  const docker = await dockerStatus();
  if (!docker.up) return { skipped: docker.reason };
  const engine = await startEngine();
  try {
    await engine.settings({ pipelines: { executor: 'docker', concurrency: 8 } });
    const spec = containerChain({
      name: 'bench-docker-3',
      count: STEPS,
      image: IMAGE,
      command: ['sh', '-c', SCRIPT],
    });
    // Warm both sides once: the daemon's image and layer caches, the engine's client.
    const warm = await engine.runToEnd(spec);
    if (warm.run.state !== 'SUCCEEDED')
      throw new Error(`docker chain ${warm.run.state}: ${warm.run.error?.message}`);
    await dockerRun();
    const skiff = [];
    const cli = [];
    for (let i = 0; i < rounds; i++) {
      const { ms, run } = await engine.runToEnd(spec);
      if (run.state !== 'SUCCEEDED')
        throw new Error(`docker chain ${run.state}: ${run.error?.message}`);
      skiff.push(ms);
      const started = performance.now();
      for (let s = 0; s < STEPS; s++) await dockerRun();
      cli.push(performance.now() - started);
    }
    return { steps: STEPS, skiff: median(skiff), cli: median(cli) };
  } finally {
    await engine.stop();
  }
}
