/**
 * Quitting: stop the engine once (it cancels operations and ends the containers and
 * processes it started), then exit. A stop that hangs never holds the app hostage.
 */

export const STOP_TIMEOUT_MS = 10_000;

export interface QuitSequenceOptions {
  /** Stops the engine; called at most once. */
  stop: () => Promise<void>;
  /** Ends the process (Electron's `app.exit`), which skips 'before-quit'. */
  exit: (code: number) => void;
  timeoutMs?: number;
  /** Told when the stop failed or timed out; the exit happens anyway. */
  onStopProblem?: (problem: unknown) => void;
}

export interface QuitSequence {
  /** For Electron's 'before-quit': hold the quit until the engine has stopped. */
  handleBeforeQuit(event: { preventDefault(): void }): void;
  /** Stops (once) and exits with `code`; later calls wait for the first and keep its code. */
  quit(code: number): Promise<void>;
}

export function createQuitSequence(options: QuitSequenceOptions): QuitSequence {
  const timeoutMs = options.timeoutMs ?? STOP_TIMEOUT_MS;
  const report = options.onStopProblem ?? (() => undefined);
  let quitting: Promise<void> | undefined;

  async function stopWithin(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const stopped = Promise.resolve()
        .then(() => options.stop())
        .then(() => 'stopped' as const);
      const outcome = await Promise.race([stopped, timedOut]);
      if (outcome === 'timeout') {
        report(new Error(`The engine did not stop within ${timeoutMs / 1000} s; quitting anyway.`));
      }
    } catch (error) {
      report(error);
    } finally {
      clearTimeout(timer);
    }
  }

  function quit(code: number): Promise<void> {
    quitting ??= stopWithin().then(() => options.exit(code));
    return quitting;
  }

  return {
    handleBeforeQuit(event) {
      event.preventDefault();
      void quit(0);
    },
    quit,
  };
}
