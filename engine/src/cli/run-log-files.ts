/**
 * Task logs as the local engine keeps them: one file per task under
 * `$SKIFF_HOME/logs/runs/<runId>/<taskId>.log`, appended line by line. There is no HTTP
 * route for them, so the CLI reads the files when it shares the engine's home.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { homeLayout } from '../store/skiff-home.js';

export function runLogDir(home: string, runId: string): string {
  return join(homeLayout(home).logs, 'runs', runId);
}

export function taskLogFile(dir: string, taskId: string): string {
  return join(dir, `${taskId}.log`);
}

export async function hasLogDir(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/** Task ids that have a log file. */
export async function loggedTaskIds(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((name) => name.endsWith('.log')).map((name) => name.slice(0, -4));
  } catch {
    return [];
  }
}

/** The last `count` lines of a task's log ([] when it has none), read from the end. */
export async function lastLogLines(dir: string, taskId: string, count: number): Promise<string[]> {
  let handle;
  try {
    handle = await open(taskLogFile(dir, taskId), 'r');
  } catch {
    return [];
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    // Reading from the middle of the file: the first line may be cut.
    if (length < size) lines.shift();
    return lines.slice(-count);
  } finally {
    await handle.close();
  }
}

const TAIL_BYTES = 64 * 1024;

/**
 * Reads each task's file from where it stopped last time, whole lines only, so following
 * a log prints every line once however often it is asked to read.
 */
export class LogTail {
  readonly #offsets = new Map<string, number>();
  readonly #pending = new Map<string, Promise<unknown>>();

  constructor(readonly dir: string) {}

  /** New complete lines of one task; reads of the same task run one after another. */
  read(taskId: string): Promise<string[]> {
    const before = this.#pending.get(taskId) ?? Promise.resolve();
    const next = before.then(() => this.#readNew(taskId));
    this.#pending.set(
      taskId,
      next.catch(() => undefined),
    );
    return next;
  }

  async #readNew(taskId: string): Promise<string[]> {
    const offset = this.#offsets.get(taskId) ?? 0;
    let handle;
    try {
      handle = await open(taskLogFile(this.dir, taskId), 'r');
    } catch {
      return [];
    }
    try {
      const { size } = await handle.stat();
      if (size <= offset) return [];
      const buffer = Buffer.alloc(size - offset);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      // Stop after the last newline: a half-written line waits for the next read.
      const end = buffer.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (end === -1) return [];
      this.#offsets.set(taskId, offset + end + 1);
      return buffer.subarray(0, end).toString('utf8').split('\n');
    } finally {
      await handle.close();
    }
  }
}
