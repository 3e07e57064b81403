/**
 * The `Exec` port on top of execa: runs a command without a shell, streams its lines,
 * honours an AbortSignal and a timeout, and never rejects because a command failed.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import { SkiffError } from '../core/errors.js';
import type { Exec, ExecOptions, ExecResult } from '../core/ports.js';

/** Exit code for a command that could not be found (as a shell reports it). */
export const EXIT_NOT_FOUND = 127;
/** Exit code for a command that was found but could not be started. */
export const EXIT_CANNOT_EXECUTE = 126;
/** Exit code for a command stopped by its timeout (as GNU `timeout` reports it). */
export const EXIT_TIMED_OUT = 124;

export function createExecaExec(): Exec {
  return { which, run };
}

/** PATH lookup without a subprocess: first executable regular file wins. */
export async function which(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  if (file === '') return undefined;
  const extensions =
    process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  if (file.includes('/') || (process.platform === 'win32' && file.includes('\\'))) {
    return firstExecutable(extensions.map((ext) => path.resolve(file + ext)));
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  return firstExecutable(
    dirs.flatMap((dir) => extensions.map((ext) => path.join(dir, file + ext))),
  );
}

async function firstExecutable(candidates: readonly string[]): Promise<string | undefined> {
  for (const candidate of candidates) {
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

async function isExecutableFile(candidate: string): Promise<boolean> {
  try {
    await access(candidate, constants.X_OK);
    return (await stat(candidate)).isFile();
  } catch {
    return false;
  }
}

async function run(
  file: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const { signal, timeoutMs, cwd, env, onLine } = options;
  if (signal?.aborted === true) throw cancelled(file, signal.reason);
  const { execa } = await import('execa');
  const streamLines = onLine
    ? function* (line: unknown): Generator {
        if (typeof line === 'string') onLine(line);
        yield line;
      }
    : undefined;
  const result = await execa(file, args, {
    reject: false,
    stdin: 'ignore',
    stdout: streamLines ? [streamLines] : 'pipe',
    stderr: streamLines ? [streamLines] : 'pipe',
    ...(signal ? { cancelSignal: signal } : {}),
    ...(timeoutMs !== undefined ? { timeout: timeoutMs } : {}),
    ...(cwd !== undefined ? { cwd } : {}),
    ...(env !== undefined ? { env } : {}),
  });
  if (result.isCanceled) throw cancelled(file, signal?.reason);

  const stdout = typeof result.stdout === 'string' ? result.stdout : '';
  const stderr = typeof result.stderr === 'string' ? result.stderr : '';
  if (result.timedOut) {
    return {
      exitCode: EXIT_TIMED_OUT,
      stdout,
      stderr: appendLine(stderr, `\`${file}\` timed out after ${String(timeoutMs)} ms.`),
    };
  }
  if (result.exitCode !== undefined) return { exitCode: result.exitCode, stdout, stderr };

  // No exit code: the command could not start, or a signal we did not send killed it.
  const spawnCode = errorCode(result.cause);
  if (spawnCode === 'ENOENT') {
    const why = cwd !== undefined ? `(or the folder ${cwd} does not exist)` : 'on PATH';
    return {
      exitCode: EXIT_NOT_FOUND,
      stdout,
      stderr: appendLine(stderr, `\`${file}\` was not found ${why}.`),
    };
  }
  if (spawnCode !== undefined) {
    return {
      exitCode: EXIT_CANNOT_EXECUTE,
      stdout,
      stderr: appendLine(stderr, `\`${file}\` could not be started (${spawnCode}).`),
    };
  }
  const signalNumber = result.signal !== undefined ? signalExitCode(result.signal) : 1;
  return {
    exitCode: signalNumber,
    stdout,
    stderr: appendLine(stderr, `\`${file}\` was killed by ${result.signal ?? 'an error'}.`),
  };
}

function cancelled(file: string, reason: unknown): SkiffError {
  return new SkiffError('CANCELLED', `\`${file}\` was cancelled.`, { file }, { cause: reason });
}

function errorCode(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null || !('code' in cause)) return undefined;
  return typeof cause.code === 'string' ? cause.code : undefined;
}

function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + osConstants.signals[signal];
}

function appendLine(text: string, line: string): string {
  return text === '' ? line : `${text}\n${line}`;
}
