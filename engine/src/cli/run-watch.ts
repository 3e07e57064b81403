/**
 * `skiff run watch` (and `run create --watch`): subscribe to the engine's events, read
 * the run once, then follow `task.updated` / `run.updated` until the run ends. Exits 0
 * when it succeeds, 1 when it fails (with the failed tasks' last log lines), 130 when it
 * was canceled — or on Ctrl-C, which detaches and leaves the run going.
 */
import { SkiffError } from '../core/errors.js';
import type { CliContext } from './cli-context.js';
import type { EngineClient } from './engine-client.js';
import { EXIT_CODES, EXIT_OK } from './exit-codes.js';
import type { KfpClient } from './kfp-client.js';
import type { KfpRun } from './kfp-types.js';
import { lastLogLines, runLogDir } from './run-log-files.js';
import { formatElapsed, visibleTasks } from './run-table.js';
import { RunWatchState } from './run-watch-state.js';
import { RunWatchView } from './run-watch-view.js';

export const EXIT_RUN_FAILED = 1;
const FAILED_LOG_LINES = 10;

export interface RunWatchDeps {
  kfp: KfpClient;
  engine: EngineClient;
  home: string;
}

/**
 * `run` is a run id, or a function that creates the run: it is called once the event
 * stream is open and the run it returns is the starting point, so every event of a new
 * run is seen — even of one that ends at once because every task was cached.
 */
export async function watchRun(
  deps: RunWatchDeps,
  run: string | (() => Promise<KfpRun>),
  ctx: CliContext,
  options: { json?: boolean } = {},
): Promise<number> {
  const controller = new AbortController();
  const detached = (): boolean => controller.signal.aborted;
  const stopListening = ctx.onInterrupt(() => controller.abort());
  const view = new RunWatchView(ctx.stderr);
  try {
    // Subscribe first, then read the run: nothing can happen unseen in between.
    const events = await deps.engine.openEvents(controller.signal);
    const first = typeof run === 'string' ? await deps.kfp.getRun(run) : await run();
    const runId = first.run_id;
    const state = new RunWatchState(runId);
    state.applyRun(first);
    view.start(state, `Run "${first.display_name ?? runId}" (${runId})`);
    if (!state.isFinished()) {
      try {
        for await (const event of events) {
          view.update(state.applyEvent(event));
          if (state.isFinished()) break;
        }
      } catch (error) {
        if (!detached()) throw error;
      }
      if (detached()) {
        view.stop();
        ctx.stderr.write(
          `Detached; the run keeps going. Follow it again with \`skiff run watch ${runId}\`, stop it with \`skiff run cancel ${runId}\`.\n`,
        );
        return EXIT_CODES.CANCELLED;
      }
      if (!state.isFinished()) {
        throw new SkiffError(
          'UNAVAILABLE',
          `The engine closed the event stream while run ${runId} was ${state.state}; it may have stopped. Check with \`skiff status\`.`,
        );
      }
    }
    const final = await deps.kfp.getRun(runId);
    view.update(state.applyRun(final));
    view.stop();
    if (options.json === true) ctx.stdout.write(`${JSON.stringify(final, null, 2)}\n`);
    return await reportRunOutcome(final, state, deps.home, ctx);
  } catch (error) {
    view.stop();
    if (detached()) return EXIT_CODES.CANCELLED;
    throw error;
  } finally {
    stopListening();
    controller.abort();
  }
}

/** Prints how the run ended; the exit code says it too. */
export async function reportRunOutcome(
  run: KfpRun,
  state: RunWatchState,
  home: string,
  ctx: CliContext,
): Promise<number> {
  const name = `Run "${run.display_name ?? run.run_id}"`;
  const took = run.created_at ? formatElapsed(run.created_at, run.finished_at, new Date()) : '';
  const runState = run.state ?? state.state;
  if (runState === 'SUCCEEDED') {
    ctx.stderr.write(`✔ ${name} succeeded${took ? ` in ${took}` : ''}.\n`);
    return EXIT_OK;
  }
  if (runState === 'CANCELED') {
    ctx.stderr.write(`✘ ${name} was canceled.\n`);
    return EXIT_CODES.CANCELLED;
  }
  if (runState !== 'FAILED') {
    ctx.stderr.write(`${name} is ${runState}.\n`);
    return EXIT_OK;
  }
  ctx.stderr.write(await formatRunFailure(run, state, home));
  return EXIT_RUN_FAILED;
}

/** The run's error, then each failed task's error and its last log lines. */
export async function formatRunFailure(
  run: KfpRun,
  state: RunWatchState,
  home: string,
): Promise<string> {
  const reason = run.error?.message ?? state.error ?? 'no reason given';
  const lines = [`✘ Run "${run.display_name ?? run.run_id}" failed: ${reason}`];
  const dir = runLogDir(home, run.run_id);
  const failed = visibleTasks(state.tasks)
    .map(({ row }) => row)
    .filter((row) => row.state === 'FAILED' && row.kind !== 'dag' && row.kind !== 'loop');
  for (const task of failed) {
    const error = task.error?.message;
    const named = `Task "${task.displayName}"`;
    // The run's error is often its first failed task's: say it once.
    if (error === reason) lines.push(`  ${named}:`);
    else if (error?.startsWith(named) === true) lines.push(`  ${error}`);
    else lines.push(`  ${named} failed${error ? `: ${error}` : ''}`);
    const log = await lastLogLines(dir, task.taskId, FAILED_LOG_LINES);
    if (log.length > 0) lines.push('    Last lines:', ...log.map((line) => `      ${line}`));
  }
  if (failed.length > 0) {
    lines.push(`  All logs: skiff run logs ${run.run_id}`);
  }
  return `${lines.join('\n')}\n`;
}
