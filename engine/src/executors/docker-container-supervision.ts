/**
 * A started container until it is gone: waiting for its exit, stopping it on cancel,
 * letting its output drain, and removing it whatever happened.
 */
import type Dockerode from 'dockerode';
import { SkiffError } from '../core/errors.js';
import { withDeadline } from './docker-daemon-connection.js';
import { fromDaemon, isRecord } from './docker-daemon-errors.js';

const STOP_GRACE_SECONDS = 2;
/** Output still in flight when the container has exited. */
const DRAIN_MS = 2000;

/** Waits for the exit; a cancel stops the container (SIGTERM, SIGKILL after 2 s). */
export async function supervise(
  container: Dockerode.Container,
  drained: Promise<void>,
  signal: AbortSignal,
  name: string,
  where: string,
): Promise<number> {
  let stopping: Promise<unknown> = Promise.resolve();
  const onAbort = (): void => {
    stopping = withDeadline(
      container.stop({ t: STOP_GRACE_SECONDS }),
      (STOP_GRACE_SECONDS + 3) * 1000,
    )
      .catch(() => container.kill())
      .catch(() => undefined);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) onAbort();
  try {
    const outcome: unknown = await container.wait().catch((error: unknown) => {
      throw fromDaemon(error, where, `wait for task "${name}"`);
    });
    await stopping;
    await withDeadline(drained, DRAIN_MS).catch(() => undefined);
    if (signal.aborted) throw cancelled(name);
    return isRecord(outcome) && typeof outcome.StatusCode === 'number' ? outcome.StatusCode : 1;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

export async function removeQuietly(container: Dockerode.Container): Promise<void> {
  // 404: already gone; 409: removal already in progress. Neither needs more work.
  await container.remove({ force: true, v: true }).catch(() => undefined);
}

/** A function, not an inline check, so TypeScript does not narrow `aborted` across awaits. */
export function throwIfCancelled(signal: AbortSignal, name: string): void {
  if (signal.aborted) throw cancelled(name);
}

function cancelled(name: string): SkiffError {
  return new SkiffError(
    'CANCELLED',
    `Task "${name}" was cancelled; its container, if it had started, was stopped and removed.`,
    { name },
  );
}
