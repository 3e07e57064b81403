import { appendFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EventBus } from '../../core/event-bus.js';
import type { RunRecorder, TaskRecord } from '../scheduler/run-model.js';
import type { ArtifactRepository } from './artifact-repository.js';
import type { TaskRepository } from './task-repository.js';

const FLUSH_MS = 25;

export interface FlushingRunRecorder extends RunRecorder {
  /** Writes pending task changes now (before the run's final state is recorded). */
  flush(): void;
}

/**
 * Where the scheduler's reports go: tasks and artifacts into SQLite, every change onto
 * the event bus (durable, so a live graph can resume), log lines into one file per task.
 * A task changes several times in a few milliseconds (inputs, fingerprint, start,
 * process id), so changes are coalesced: the latest state of each changed task is written,
 * with its event, in one transaction at most every FLUSH_MS — soon enough for a live
 * graph, and one commit instead of dozens when short tasks follow each other.
 */
export function createRunRecorder(deps: {
  runId: string;
  tasks: TaskRepository;
  artifacts: ArtifactRepository;
  events: EventBus;
  logsDir: string;
  now: () => Date;
  transaction: (work: () => void) => void;
}): FlushingRunRecorder {
  const logDir = join(deps.logsDir, deps.runId);
  mkdirSync(logDir, { recursive: true });
  const pending = new Map<string, TaskRecord>();
  let scheduled: NodeJS.Timeout | undefined;
  const flush = (): void => {
    if (scheduled) clearTimeout(scheduled);
    scheduled = undefined;
    if (pending.size === 0) return;
    const tasks = [...pending.values()];
    pending.clear();
    deps.transaction(() => {
      for (const task of tasks) {
        deps.tasks.save(task);
        deps.events.publish({ type: 'task.updated', data: task });
      }
    });
  };
  const save = (task: TaskRecord): void => {
    // A Map keeps first-insertion order, so a parent task is always written before the
    // children that refer to it, however often it changes.
    pending.set(task.taskId, structuredClone(task));
    scheduled ??= setTimeout(flush, FLUSH_MS);
  };
  return {
    flush,
    taskCreated: save,
    taskUpdated: save,
    taskLog(taskId, line, stream) {
      appendFileSync(join(logDir, `${taskId}.log`), `${line}\n`);
      deps.events.publish(
        { type: 'task.log', data: { runId: deps.runId, taskId, line, stream } },
        { durable: false },
      );
    },
    artifactProduced(artifact) {
      flush(); // the producing task's row must exist before its artifact refers to it
      deps.artifacts.produced({
        ...artifact,
        createdAt: deps.now().toISOString(),
        ...sizeOf(artifact.uri),
      });
    },
    artifactConsumed(artifactId, taskId, inputKey) {
      flush();
      deps.artifacts.consumed(artifactId, taskId, inputKey);
    },
  };
}

function sizeOf(uri: string): { sizeBytes?: number } {
  try {
    const info = statSync(uri);
    return info.isFile() ? { sizeBytes: info.size } : {};
  } catch {
    return {};
  }
}
