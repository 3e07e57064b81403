import { describe, expect, it } from 'vitest';
import { SkiffError } from '../core/errors.js';
import type { ContainerRunSpec } from './container-executor.js';
import {
  attachDockerContainer,
  createDockerExecutor,
  listManagedContainers,
} from './docker-executor.js';

const base: ContainerRunSpec = {
  name: 'skiff-run1/train',
  image: 'local/python-ml:bookworm',
  argv: ['python3', '-c', 'print(1)'],
  env: { A: '1', B: 'x=y' },
  mounts: [],
};

describe('without a daemon', () => {
  const socketPath = '/tmp/skiff-no-such-docker.sock';
  const hooks = { signal: new AbortController().signal, onLog: () => undefined };

  it('fails with UNAVAILABLE naming the socket and the fix', async () => {
    for (const attempt of [
      createDockerExecutor({ socketPath }).run(base, hooks),
      attachDockerContainer('abc', hooks, { socketPath }),
      listManagedContainers({ socketPath }),
    ]) {
      const error: unknown = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SkiffError);
      expect((error as SkiffError).code).toBe('UNAVAILABLE');
      expect((error as SkiffError).message).toContain(socketPath);
      expect((error as SkiffError).message).toContain('Start Docker');
    }
  });

  it('fails with CANCELLED before touching Docker when already aborted', async () => {
    const executor = createDockerExecutor({ socketPath });
    const error: unknown = await executor
      .run(base, { signal: AbortSignal.abort(), onLog: () => undefined })
      .catch((e: unknown) => e);
    expect((error as SkiffError).code).toBe('CANCELLED');
  });
});
