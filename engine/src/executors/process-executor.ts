/**
 * The `process` executor: runs a task's argv on the host, for machines without Docker.
 * The image is ignored, so the task sees the host's tools, and mounts are only checked:
 * the task reads and writes the host folders in place.
 *
 * It spawns with node:child_process rather than execa (which Skiff uses for the CLIs it
 * drives): a task needs none of execa's conveniences, and execa's per-spawn option and
 * stream handling measured ~0.35 ms a task, a third of a no-op task's whole overhead
 * (`npm run bench`, figure (a)).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { constants as osConstants, tmpdir } from 'node:os';
import path from 'node:path';
import { SkiffError } from '../core/errors.js';
import { lineSplitter } from './output-line-splitter.js';
import type {
  ContainerExecutor,
  ContainerRunResult,
  ContainerRunSpec,
  Mount,
  RunHooks,
} from './container-executor.js';

/** How long a cancelled task has between SIGTERM and SIGKILL. */
const STOP_GRACE_MS = 2000;
/** Exit codes a shell reports for a command it cannot find / cannot start. */
const EXIT_NOT_FOUND = 127;
const EXIT_CANNOT_EXECUTE = 126;

/** Host variables a task inherits; everything else comes from the spec, as in a container. */
const INHERITED_ENV = ['PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LANGUAGE', 'LC_ALL']
  .concat(['LC_CTYPE', 'TZ', 'TMPDIR', 'TMP', 'TEMP'])
  .concat(['SystemRoot', 'windir', 'ComSpec', 'PATHEXT', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA']);

export function createProcessExecutor(): ContainerExecutor {
  return { kind: 'process', run: runProcess };
}

/** How a spawned process ended: its exit code or signal, or why it never started. */
type Ending =
  | { exitCode: number; signal: null }
  | { exitCode: null; signal: NodeJS.Signals }
  | { startError: NodeJS.ErrnoException };

// Resource limits (cpuLimit, memoryLimitBytes) and gpus are ignored: a host process has no
// cgroup of its own without root, and the GPUs are simply the host's. Users pick this
// executor for machines without Docker, where running at all matters more than limits.
async function runProcess(spec: ContainerRunSpec, hooks: RunHooks): Promise<ContainerRunResult> {
  const { signal, onLog } = hooks;
  throwIfCancelled(signal, spec);
  const [file, ...args] = spec.argv;
  if (file === undefined || file === '') {
    throw new SkiffError('INVALID_ARGUMENT', `Task "${spec.name}" has an empty command.`, {
      name: spec.name,
    });
  }
  checkMounts(spec.mounts);
  // Docker creates a missing WorkingDir; do the same so both executors agree.
  if (spec.workingDir !== undefined) mkdirSync(spec.workingDir, { recursive: true });
  // The task's own temp folder, its TMPDIR and (without a workingDir) its cwd: removed when
  // it ends, as a container's /tmp is. KFP's lightweight components `mktemp -d` and never
  // clean up. Sync: creating it is microseconds, a thread-pool round trip per task is not.
  const tempDir = mkdtempSync(path.join(tmpdir(), 'skiff-task-'));
  try {
    const child = spawn(file, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...inheritedEnv(), TMPDIR: tempDir, ...spec.env },
      cwd: spec.workingDir ?? tempDir,
      // Its own process group, so a cancel reaches `sh -c` children too.
      detached: process.platform !== 'win32',
    });
    const ended = ending(child);
    const stdout = lineSplitter((line) => onLog(line, 'stdout'));
    const stderr = lineSplitter((line) => onLog(line, 'stderr'));
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const pid = child.pid;
    const state = { cancelling: false };
    let killTimer: NodeJS.Timeout | undefined;
    const onAbort = (): void => {
      if (pid === undefined) return;
      state.cancelling = true;
      signalGroup(pid, 'SIGTERM', child);
      killTimer = setTimeout(() => signalGroup(pid, 'SIGKILL', child), STOP_GRACE_MS);
    };
    if (pid !== undefined) {
      track(pid);
      hooks.onStarted?.(String(pid));
      // As in a container whose main process ends, whatever it left behind is killed at
      // once (and stops holding the output pipes open), also when a cancel ends it early.
      child.once('exit', () => signalGroup(pid, 'SIGKILL', child));
      signal.addEventListener('abort', onAbort, { once: true });
      if (signal.aborted) onAbort();
    }
    try {
      const result = await ended;
      stdout.flush();
      stderr.flush();
      if (state.cancelling) throw cancelled(spec);
      const id = String(pid ?? '');
      if ('startError' in result) return notStarted(file, result.startError, id, onLog);
      if (result.exitCode !== null) return { exitCode: result.exitCode, id };
      return { exitCode: 128 + osConstants.signals[result.signal], id };
    } finally {
      signal.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      if (pid !== undefined) liveGroups.delete(pid);
    }
  } finally {
    // Off the task's critical path: the next task need not wait for this folder to go.
    void rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Resolves once the process has exited and its output pipes are drained ('close'). */
function ending(child: ChildProcess): Promise<Ending> {
  return new Promise((resolve) => {
    child.once('error', (startError: NodeJS.ErrnoException) => resolve({ startError }));
    child.once('close', (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (exitCode !== null) resolve({ exitCode, signal: null });
      else if (signal !== null) resolve({ exitCode: null, signal });
    });
  });
}

/** A command that could not start reports like a shell would: 127 not found, 126 otherwise. */
function notStarted(
  file: string,
  error: NodeJS.ErrnoException,
  id: string,
  onLog: RunHooks['onLog'],
): ContainerRunResult {
  if (error.code === 'ENOENT') {
    onLog(`\`${file}\` was not found: no such command on PATH (${PATH_HINT}).`, 'stderr');
    return { exitCode: EXIT_NOT_FOUND, id };
  }
  onLog(`\`${file}\` could not be started (${error.code ?? error.message}).`, 'stderr');
  return { exitCode: EXIT_CANNOT_EXECUTE, id };
}

const PATH_HINT = 'the process executor runs tasks on the host, so install it there';

/**
 * Mounts must already be where the task expects them: nothing is mapped or copied.
 * (Synchronous: a stat is microseconds, and a thread-pool round trip per mount per task
 * showed in the per-task overhead.)
 */
function checkMounts(mounts: readonly Mount[]): void {
  for (const mount of mounts) {
    if (path.resolve(mount.containerPath) !== path.resolve(mount.hostPath)) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `The process executor runs tasks in place on the host, so folder ${mount.hostPath} ` +
          `cannot appear at ${mount.containerPath}. Mount it at its host path, or run the task ` +
          'with the Docker executor.',
        { hostPath: mount.hostPath, containerPath: mount.containerPath },
      );
    }
    // readOnly cannot be enforced for a host process; the task is trusted like the user.
    const found = statSync(mount.hostPath, { throwIfNoEntry: false });
    if (found?.isDirectory() !== true && found?.isFile() !== true) {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `The folder ${mount.hostPath} to mount does not exist. Create it before the task runs.`,
        { hostPath: mount.hostPath },
      );
    }
  }
}

function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of INHERITED_ENV) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

/**
 * Process groups still running. Detached groups would outlive the engine, and nothing
 * could re-attach to their output, so they die with it.
 */
const liveGroups = new Set<number>();
let killOnExitInstalled = false;

function track(pid: number): void {
  if (!killOnExitInstalled) {
    killOnExitInstalled = true;
    process.once('exit', () => {
      for (const group of liveGroups) signalGroup(group, 'SIGKILL');
    });
  }
  liveGroups.add(pid);
}

function signalGroup(
  pid: number,
  name: NodeJS.Signals,
  leader?: { kill: (signal: NodeJS.Signals) => boolean },
): void {
  try {
    if (process.platform === 'win32') leader?.kill(name);
    else process.kill(-pid, name);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** A function, not an inline check, so TypeScript does not narrow `aborted` across awaits. */
function throwIfCancelled(signal: AbortSignal, spec: ContainerRunSpec): void {
  if (signal.aborted) throw cancelled(spec);
}

function cancelled(spec: ContainerRunSpec): SkiffError {
  return new SkiffError('CANCELLED', `Task "${spec.name}" was cancelled.`, { name: spec.name });
}
