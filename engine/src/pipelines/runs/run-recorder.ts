import { appendFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EventBus } from '../../core/event-bus.js';
import type { RunRecorder, TaskRecord } from '../scheduler/run-model.js';
import type { ArtifactRepository } from './artifact-repository.js';
import type { TaskRepository } from './task-repository.js';

/**
 * Where the scheduler's reports go: tasks and artifacts into SQLite, every change onto
 * the event bus (durable, so a live graph can resume), log lines into one file per task.
 */
export function createRunRecorder(deps: {
  runId: string;
  tasks: TaskRepository;
  artifacts: ArtifactRepository;
  events: EventBus;
  logsDir: string;
  now: () => Date;
}): RunRecorder {
  const logDir = join(deps.logsDir, deps.runId);
  mkdirSync(logDir, { recursive: true });
  const save = (task: TaskRecord): void => {
    deps.tasks.save(task);
    deps.events.publish({ type: 'task.updated', data: task });
  };
  return {
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
      deps.artifacts.produced({
        ...artifact,
        createdAt: deps.now().toISOString(),
        ...sizeOf(artifact.uri),
      });
    },
    artifactConsumed(artifactId, taskId, inputKey) {
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
