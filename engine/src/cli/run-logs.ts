/**
 * `skiff run logs RUN [TASK] [-f]`: the task log files the local engine writes, and with
 * `-f` whatever they gain until the run ends. `task.log` events say when a file grew; the
 * lines themselves are read from the file (from where the last read stopped), so none is
 * printed twice or lost between reading the file and subscribing. Without the engine's
 * home (an engine elsewhere), `-f` prints the events' lines instead.
 */
import { SkiffError } from '../core/errors.js';
import type { CliContext } from './cli-context.js';
import type { StreamedEvent } from './engine-client.js';
import { EXIT_CODES, EXIT_OK } from './exit-codes.js';
import { hasLogDir, LogTail, loggedTaskIds, runLogDir } from './run-log-files.js';
import {
  isTerminal,
  rowFromDetail,
  rowFromRecord,
  visibleTasks,
  type TaskRow,
} from './run-table.js';
import type { RunWatchDeps } from './run-watch.js';

export interface RunLogsOptions {
  task?: string;
  follow?: boolean;
}

export async function printRunLogs(
  deps: RunWatchDeps,
  runId: string,
  ctx: CliContext,
  options: RunLogsOptions = {},
): Promise<number> {
  const controller = new AbortController();
  const stopListening =
    options.follow === true ? ctx.onInterrupt(() => controller.abort()) : () => undefined;
  try {
    const events =
      options.follow === true ? await deps.engine.openEvents(controller.signal) : undefined;
    const run = await deps.kfp.getRun(runId);
    const dir = runLogDir(deps.home, runId);
    const local = await hasLogDir(dir);
    const rows = new Map<string, TaskRow>();
    for (const detail of run.run_details?.task_details ?? [])
      rows.set(detail.task_id, rowFromDetail(detail));
    for (const taskId of await loggedTaskIds(dir)) {
      if (!rows.has(taskId))
        rows.set(taskId, {
          taskId,
          displayName: taskId,
          state: 'RUNTIME_STATE_UNSPECIFIED',
          cached: false,
        });
    }
    const wanted = (row: TaskRow): boolean =>
      options.task === undefined || [row.taskId, row.displayName, row.name].includes(options.task);
    const selected = ordered(rows).filter(wanted);
    if (
      options.task !== undefined &&
      selected.length === 0 &&
      (events === undefined || isTerminal(run.state))
    ) {
      const names = visibleTasks(rows.values()).map(({ row }) => row.displayName);
      throw new SkiffError(
        'NOT_FOUND',
        `Run ${runId} has no task "${options.task}"${names.length > 0 ? `; its tasks: ${names.join(', ')}` : ''}.`,
        { task: options.task },
      );
    }
    const prefixed = options.task === undefined || selected.length > 1;
    let printed = 0;
    const print = (taskId: string, lines: readonly string[]): void => {
      if (lines.length === 0) return;
      printed += lines.length;
      const label = rows.get(taskId)?.displayName ?? taskId;
      ctx.stdout.write(
        `${lines.map((line) => (prefixed ? `[${label}] ${line}` : line)).join('\n')}\n`,
      );
    };
    const tail = new LogTail(dir);
    if (!local && events === undefined && selected.some((row) => row.startedAt !== undefined)) {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `No task logs for run ${runId} under ${dir}. \`skiff run logs\` reads the files the engine writes in its Skiff home: run it where the engine runs, with the same --home.`,
        { dir },
      );
    }
    for (const row of selected) print(row.taskId, await tail.read(row.taskId));
    if (events === undefined || isTerminal(run.state)) {
      if (printed === 0) ctx.stderr.write(`Run ${runId} has no task output (yet).\n`);
      return EXIT_OK;
    }
    const state: FollowState = { runId, dir, rows, wanted, local, tail, print };
    try {
      for await (const event of events) {
        if (await follow(event, state)) break;
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
    if (controller.signal.aborted) return EXIT_CODES.CANCELLED;
    if (state.local) {
      for (const row of ordered(rows).filter(wanted))
        print(row.taskId, await tail.read(row.taskId));
    }
    return EXIT_OK;
  } finally {
    stopListening();
    controller.abort();
  }
}

interface FollowState {
  runId: string;
  dir: string;
  rows: Map<string, TaskRow>;
  wanted: (row: TaskRow) => boolean;
  /** The engine's files are here (the folder appears when the run starts). */
  local: boolean;
  tail: LogTail;
  print: (taskId: string, lines: readonly string[]) => void;
}

/** Handles one event; true once the run has ended. */
async function follow(event: StreamedEvent, s: FollowState): Promise<boolean> {
  if (event.type === 'task.updated' && event.data.runId === s.runId) {
    s.rows.set(event.data.taskId, rowFromRecord(event.data));
  } else if (event.type === 'task.log' && event.data.runId === s.runId) {
    const row = s.rows.get(event.data.taskId);
    if (row !== undefined && !s.wanted(row)) return false;
    if (
      row === undefined &&
      !s.wanted({
        taskId: event.data.taskId,
        displayName: event.data.taskId,
        state: 'RUNNING',
        cached: false,
      })
    ) {
      return false;
    }
    s.local ||= await hasLogDir(s.dir);
    if (s.local) s.print(event.data.taskId, await s.tail.read(event.data.taskId));
    else s.print(event.data.taskId, [event.data.line]);
  } else if (event.type === 'run.updated' && event.data.runId === s.runId) {
    return ['SUCCEEDED', 'FAILED', 'CANCELED'].includes(event.data.state);
  }
  return false;
}

function ordered(rows: Map<string, TaskRow>): TaskRow[] {
  const visible = visibleTasks(rows.values()).map(({ row }) => row);
  const shown = new Set(visible.map((row) => row.taskId));
  return [...visible, ...[...rows.values()].filter((row) => !shown.has(row.taskId))];
}
