import type {
  ContainerExecutor,
  ContainerRunResult,
  ContainerRunSpec,
  RunHooks,
} from './container-executor.js';

/**
 * Caps how many containers or processes run at once across every run (Settings →
 * pipelines.concurrency). The limit is read on each start, so a change applies at once.
 */
export function limitConcurrency(
  executor: ContainerExecutor,
  limit: () => number,
): ContainerExecutor {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    active--;
    waiting.shift()?.();
  };
  const acquire = async (signal: AbortSignal): Promise<void> => {
    while (active >= Math.max(1, limit())) {
      signal.throwIfAborted();
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          signal.removeEventListener('abort', wake);
          resolve();
        };
        waiting.push(wake);
        signal.addEventListener('abort', wake, { once: true });
      });
    }
    signal.throwIfAborted();
    active++;
  };
  return {
    kind: executor.kind,
    async run(spec: ContainerRunSpec, hooks: RunHooks): Promise<ContainerRunResult> {
      await acquire(hooks.signal);
      try {
        return await executor.run(spec, hooks);
      } finally {
        release();
      }
    },
  };
}
