/**
 * The `process` executor: runs a task's argv on the host with execa, for machines without
 * Docker. The image is ignored, so the task sees the host's tools, and mounts are only
 * checked: the task reads and writes the host folders in place.
 */
import { mkdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
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
  const tempDir =
    spec.workingDir === undefined ? await mkdtemp(path.join(tmpdir(), 'skiff-task-')) : undefined;
  // Docker creates a missing WorkingDir; do the same so both executors agree.
  if (spec.workingDir !== undefined) mkdirSync(spec.workingDir, { recursive: true });
  try {
    const { execa } = await loadExeca();
    // Output is not buffered: plain pipes split into lines here are cheaper per task than
    // execa's line transforms, and nothing is kept in memory.
    const subprocess = execa(file, args, {
      reject: false,
      buffer: false,
      stdin: 'ignore',
      stdout: 'pipe',
      stderr: 'pipe',
      env: { ...inheritedEnv(), ...spec.env },
      extendEnv: false,
      cwd: spec.workingDir ?? tempDir,
      // Its own process group, so a cancel reaches `sh -c` children too.
      detached: process.platform !== 'win32',
    });
    const stdout = lineSplitter((line) => onLog(line, 'stdout'));
    const stderr = lineSplitter((line) => onLog(line, 'stderr'));
    subprocess.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    subprocess.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const pid = subprocess.pid;
    const state = { cancelling: false };
    let killTimer: NodeJS.Timeout | undefined;
    const onAbort = (): void => {
      if (pid === undefined) return;
      state.cancelling = true;
      signalGroup(pid, 'SIGTERM', subprocess);
      killTimer = setTimeout(() => signalGroup(pid, 'SIGKILL', subprocess), STOP_GRACE_MS);
    };
    if (pid !== undefined) {
      track(pid);
      hooks.onStarted?.(String(pid));
      // As in a container whose main process ends, whatever it left behind is killed at
      // once (and stops holding the output pipes open), also when a cancel ends it early.
      subprocess.once('exit', () => signalGroup(pid, 'SIGKILL', subprocess));
      signal.addEventListener('abort', onAbort, { once: true });
      // It may have aborted during the awaits above, before anyone listened.
      if (signal.aborted) onAbort();
    }
    try {
      const result = await subprocess;
      stdout.flush();
      stderr.flush();
      if (state.cancelling) throw cancelled(spec);
      if (result.exitCode !== undefined) return { exitCode: result.exitCode, id: String(pid) };
      if (result.signal !== undefined) {
        return { exitCode: 128 + osConstants.signals[result.signal], id: String(pid) };
      }
      const code = errnoCode(result.cause);
      if (code === 'ENOENT') {
        onLog(`\`${file}\` was not found: no such command on PATH (${PATH_HINT}).`, 'stderr');
        return { exitCode: EXIT_NOT_FOUND, id: String(pid ?? '') };
      }
      onLog(`\`${file}\` could not be started (${code ?? result.message}).`, 'stderr');
      return { exitCode: EXIT_CANNOT_EXECUTE, id: String(pid ?? '') };
    } finally {
      signal.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      if (pid !== undefined) liveGroups.delete(pid);
    }
  } finally {
    if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
  }
}

/** execa is imported on first use (start-up stays light), then reused. */
let execaModule: Promise<typeof import('execa')> | undefined;
const loadExeca = (): Promise<typeof import('execa')> => (execaModule ??= import('execa'));

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

function errnoCode(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null || !('code' in cause)) return undefined;
  return typeof cause.code === 'string' ? cause.code : undefined;
}
