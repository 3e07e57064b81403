import { describe, expect, it } from 'vitest';
import type { ContainerExecutor, ContainerRunSpec } from './container-executor.js';
import { limitConcurrency } from './concurrency-limited-executor.js';

const spec: ContainerRunSpec = { name: 't', image: 'x', argv: ['true'], env: {}, mounts: [] };

function slowExecutor() {
  let running = 0;
  let peak = 0;
  const executor: ContainerExecutor = {
    kind: 'process',
    async run() {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, 10));
      running--;
      return { exitCode: 0, id: '1' };
    },
  };
  return { executor, peak: () => peak };
}

describe('limitConcurrency', () => {
  it('never runs more than the limit at once, and runs everything', async () => {
    const { executor, peak } = slowExecutor();
    const limited = limitConcurrency(executor, () => 3);
    const hooks = { signal: new AbortController().signal, onLog: () => undefined };
    const results = await Promise.all(Array.from({ length: 10 }, () => limited.run(spec, hooks)));
    expect(results).toHaveLength(10);
    expect(peak()).toBe(3);
  });

  it('gives up waiting when the signal aborts', async () => {
    const { executor } = slowExecutor();
    const limited = limitConcurrency(executor, () => 1);
    const busy = limited.run(spec, {
      signal: new AbortController().signal,
      onLog: () => undefined,
    });
    const controller = new AbortController();
    const waiting = limited.run(spec, { signal: controller.signal, onLog: () => undefined });
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await busy;
  });
});
