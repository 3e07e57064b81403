/**
 * Caps how many container tasks of one run execute at once (`RunRequest.concurrency`).
 * Waiters are served first come, first served; an abort takes a waiter out of the queue.
 */
export class TaskSemaphore {
  #active = 0;
  readonly #waiting: { grant: () => void }[] = [];

  constructor(private readonly limit: number) {}

  get active(): number {
    return this.#active;
  }

  /** Resolves with a release function once a slot is free; rejects when `signal` aborts. */
  async acquire(signal: AbortSignal): Promise<() => void> {
    signal.throwIfAborted();
    if (this.#active < Math.max(1, this.limit)) {
      this.#active++;
      return this.#releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        const index = this.#waiting.indexOf(waiter);
        if (index >= 0) this.#waiting.splice(index, 1);
        const reason: unknown = signal.reason;
        reject(
          reason instanceof Error ? reason : new Error('The wait for a task slot was aborted.'),
        );
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
    });
    return this.#releaser();
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      // The slot passes straight to the next waiter, so #active stays the same.
      if (next) next.grant();
      else this.#active--;
    };
  }
}
