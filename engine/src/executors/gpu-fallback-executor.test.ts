import { describe, expect, it } from 'vitest';
import type { ContainerExecutor, ContainerRunSpec } from './container-executor.js';
import { withCpuFallback } from './gpu-fallback-executor.js';

const spec: ContainerRunSpec = {
  name: 't',
  image: 'x',
  argv: ['true'],
  env: {},
  mounts: [],
  resources: { cpuLimit: 1, gpus: { count: 1 } },
};

function recording() {
  const seen: ContainerRunSpec[] = [];
  const executor: ContainerExecutor = {
    kind: 'docker',
    run: (s) => {
      seen.push(s);
      return Promise.resolve({ exitCode: 0, id: 'c' });
    },
  };
  return { executor, seen };
}

describe('withCpuFallback', () => {
  it('runs a GPU task on the CPU with a warning when there is no NVIDIA runtime', async () => {
    const { executor, seen } = recording();
    const lines: string[] = [];
    await withCpuFallback(executor, () => Promise.resolve(false)).run(spec, {
      signal: new AbortController().signal,
      onLog: (l) => lines.push(l),
    });
    expect(seen[0]?.resources).toEqual({ cpuLimit: 1 });
    expect(lines[0]).toMatch(/asks for 1 GPU\(s\).*running it on the CPU/);
  });

  it('passes GPU requests through when the runtime exists', async () => {
    const { executor, seen } = recording();
    await withCpuFallback(executor, () => Promise.resolve(true)).run(spec, {
      signal: new AbortController().signal,
      onLog: () => undefined,
    });
    expect(seen[0]?.resources?.gpus).toEqual({ count: 1 });
  });
});
