import { SkiffError } from '../../core/errors.js';

export interface WaitOptions {
  timeoutMs: number;
  signal: AbortSignal;
  /** First pause between checks; doubles up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Checks `probe` until it returns a value, with backoff; undefined on timeout so the
 * caller can say what was not ready. Cancelling rejects at once with CANCELLED.
 */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined>,
  options: WaitOptions,
): Promise<T | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  let delay = options.initialDelayMs ?? 100;
  for (;;) {
    throwIfCancelled(options.signal);
    const value = await probe();
    if (value !== undefined) return value;
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    await sleep(Math.min(delay, left), options.signal);
    delay = Math.min(delay * 2, options.maxDelayMs ?? 2_000);
  }
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) {
    throw new SkiffError(
      'CANCELLED',
      'The platform install was cancelled. Run it again to continue where it stopped.',
    );
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(
        new SkiffError(
          'CANCELLED',
          'The platform install was cancelled. Run it again to continue where it stopped.',
        ),
      );
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
