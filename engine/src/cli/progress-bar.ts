/**
 * The CLI's progress bar for an operation: `[#####.....] 3/7 Creating kind cluster`,
 * redrawn in place on a terminal with log lines printed above it. Without a terminal
 * (CI, pipes) it prints one plain line per change instead of redrawing.
 */
import type { OperationProgress } from '../api/contract.js';
import type { OutputStream } from './cli-context.js';

const CLEAR_LINE = '\r\x1b[2K';

export interface ProgressBarOptions {
  /** Where the bar is drawn (stderr). */
  bar: OutputStream;
  /** Where log lines go (default: the bar's stream). */
  log?: OutputStream;
  /** Cells between the brackets. */
  width?: number;
}

export function renderProgressBar(
  progress: OperationProgress,
  width = 10,
  columns?: number,
): string {
  const { current, total, message } = progress;
  const ratio = total > 0 ? Math.min(Math.max(current / total, 0), 1) : 0;
  const filled = Math.round(ratio * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const count = total > 0 ? ` ${current}/${total}` : '';
  const text = `${bar}${count}${message !== '' ? ` ${message}` : ''}`;
  return truncate(text, columns);
}

/** The non-terminal form of the same line. */
export function renderProgressLine(progress: OperationProgress): string {
  const count = progress.total > 0 ? `${progress.current}/${progress.total}` : '';
  return [count, progress.message].filter((part) => part !== '').join(' ');
}

export class ProgressBar {
  readonly #bar: OutputStream;
  readonly #log: OutputStream;
  readonly #width: number;
  readonly #tty: boolean;
  #line: string | undefined;
  #drawn = false;

  constructor(options: ProgressBarOptions) {
    this.#bar = options.bar;
    this.#log = options.log ?? options.bar;
    this.#width = options.width ?? 10;
    this.#tty = options.bar.isTTY === true;
  }

  update(progress: OperationProgress): void {
    if (this.#tty) {
      this.#line = renderProgressBar(progress, this.#width, usableColumns(this.#bar));
      this.#draw();
      return;
    }
    const line = renderProgressLine(progress);
    if (line === '' || line === this.#line) return;
    this.#line = line;
    this.#bar.write(`${line}\n`);
  }

  log(line: string): void {
    if (this.#tty && this.#drawn) this.#bar.write(CLEAR_LINE);
    this.#drawn = false;
    this.#log.write(`${line}\n`);
    if (this.#tty) this.#draw();
  }

  /** Removes the bar from the terminal; later output starts on a clean line. */
  done(): void {
    if (this.#tty && this.#drawn) this.#bar.write(CLEAR_LINE);
    this.#drawn = false;
    this.#line = undefined;
  }

  #draw(): void {
    if (this.#line === undefined) return;
    this.#bar.write(`${CLEAR_LINE}${this.#line}`);
    this.#drawn = true;
  }
}

function usableColumns(stream: OutputStream): number | undefined {
  return stream.columns !== undefined && stream.columns > 1 ? stream.columns - 1 : undefined;
}

function truncate(text: string, columns: number | undefined): string {
  if (columns === undefined || text.length <= columns) return text;
  return columns <= 1 ? text.slice(0, columns) : `${text.slice(0, columns - 1)}…`;
}
