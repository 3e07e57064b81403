/**
 * Runs an engine in this process for `serve` and `up`: refuses a second engine on the same
 * home, prints where it is, and stops it cleanly on Ctrl-C / SIGTERM.
 */
import { SkiffError } from '../core/errors.js';
import type { LaunchOptions, RunningEngine } from '../launch.js';
import type { CliContext } from './cli-context.js';
import { findRunningEngine } from './engine-discovery.js';

export async function refuseSecondEngine(home: string): Promise<void> {
  const running = await findRunningEngine(home);
  if (running !== undefined) {
    throw new SkiffError(
      'ALREADY_EXISTS',
      `Skiff is already running at ${running.info.url} (pid ${running.info.pid}) with home ${home}. Use \`skiff up\` to open it, stop it first, or pass another --home.`,
      { url: running.info.url, pid: running.info.pid },
    );
  }
}

export async function startEngine(options: LaunchOptions): Promise<RunningEngine> {
  const { launchEngine } = await import('../launch.js');
  return launchEngine(options);
}

export function announce(engine: RunningEngine, ctx: CliContext): void {
  ctx.stdout.write(`Skiff ${engine.version} is running at ${engine.url}\n`);
  ctx.stdout.write(`Open (one-time login): ${engine.createLoginUrl()}\n`);
}

/**
 * Resolves with 0 once the engine has stopped after a signal (or after `until` settles).
 * A second Ctrl-C while stopping gives up waiting and exits 130.
 */
export function serveUntilInterrupted(
  engine: RunningEngine,
  ctx: CliContext,
  until?: Promise<unknown>,
): Promise<number> {
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (reason: string): void => {
      if (stopping) {
        ctx.stderr.write('Stopping anyway.\n');
        unsubscribe();
        resolve(130);
        return;
      }
      stopping = true;
      ctx.stderr.write(`${reason}Stopping Skiff…\n`);
      engine.stop().then(
        () => {
          unsubscribe();
          ctx.stderr.write('Skiff stopped.\n');
          resolve(0);
        },
        (error: unknown) => {
          unsubscribe();
          const message = error instanceof Error ? error.message : String(error);
          ctx.stderr.write(`skiff: stopping failed: ${message}\n`);
          resolve(1);
        },
      );
    };
    const unsubscribe = ctx.onInterrupt(() => stop(''));
    until?.then(
      () => stop('The app was closed. '),
      () => stop('The app was closed. '),
    );
  });
}
