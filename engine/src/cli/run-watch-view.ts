/**
 * The live task table of `skiff run watch`: on a terminal it is redrawn in place (and
 * every second, for the running tasks' durations); without one (CI, pipes) each change
 * is one plain line, so a log of the output reads like a story.
 */
import type { OutputStream } from './cli-context.js';
import { formatTaskTable, taskDuration, visibleTasks, type TaskRow } from './run-table.js';
import type { RunWatchState, WatchChange } from './run-watch-state.js';

const TICK_MS = 1000;

export class RunWatchView {
  readonly #out: OutputStream;
  readonly #tty: boolean;
  readonly #now: () => Date;
  #drawn = 0;
  #timer: NodeJS.Timeout | undefined;
  #state: RunWatchState | undefined;

  constructor(out: OutputStream, options: { now?: () => Date } = {}) {
    this.#out = out;
    this.#tty = out.isTTY === true;
    this.#now = options.now ?? (() => new Date());
  }

  /** The first picture: the table so far (terminal) or a line per known task (plain). */
  start(state: RunWatchState, title: string): void {
    this.#state = state;
    this.#out.write(`${title}\n`);
    if (this.#tty) {
      this.#redraw();
      this.#timer = setInterval(() => this.#redraw(), TICK_MS);
      this.#timer.unref();
      return;
    }
    this.#out.write(`${runLine(state.state)}\n`);
    for (const { row } of visibleTasks(state.tasks)) this.#out.write(`${this.#taskLine(row)}\n`);
  }

  update(changes: readonly WatchChange[]): void {
    if (changes.length === 0 || this.#state === undefined) return;
    if (this.#tty) {
      this.#redraw();
      return;
    }
    const shown = new Set(visibleTasks(this.#state.tasks).map(({ row }) => row.taskId));
    for (const change of changes) {
      if (change.kind === 'run') this.#out.write(`${runLine(change.state)}\n`);
      else if (shown.has(change.task.taskId)) this.#out.write(`${this.#taskLine(change.task)}\n`);
    }
  }

  /** Stops the clock; the last table stays on the screen. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.#tty) this.#redraw();
  }

  #taskLine(row: TaskRow): string {
    // A plain line is written once: a running task's time so far would only mislead.
    const took = row.finishedAt !== undefined ? taskDuration(row, this.#now()) : '';
    const facts = [took, row.cached ? 'cached' : ''].filter(Boolean);
    return `  ${row.displayName}: ${row.state}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
  }

  #redraw(): void {
    if (this.#state === undefined) return;
    const columns =
      this.#out.columns !== undefined && this.#out.columns > 1 ? this.#out.columns - 1 : undefined;
    const lines = [
      runLine(this.#state.state),
      ...formatTaskTable(this.#state.tasks, this.#now()),
    ].map((line) =>
      columns !== undefined && line.length > columns ? `${line.slice(0, columns - 1)}…` : line,
    );
    // Up to the first line drawn last time, clear to the end, draw again.
    const up = this.#drawn > 0 ? `\x1b[${this.#drawn}A\r\x1b[0J` : '';
    this.#out.write(`${up}${lines.join('\n')}\n`);
    this.#drawn = lines.length;
  }
}

function runLine(state: string): string {
  return `Run ${state}`;
}
