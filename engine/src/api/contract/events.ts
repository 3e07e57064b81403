/** What GET /api/v1/events sends (Server-Sent Events). */
import type { RuntimeState, TaskRecord } from '../../pipelines/scheduler/run-model.js';
import type { ClusterStatus } from './cluster.js';
import type { Operation } from './operations.js';
import type { Settings, SystemInfo } from './system.js';

/** A run's state as it changes (the KFP API has the full run). */
export interface RunStateChange {
  runId: string;
  state: RuntimeState;
  error?: { code: string; message: string };
  finishedAt?: string;
}

/** Events sent on GET /api/v1/events (Server-Sent Events). */
export type EngineEvent =
  | { type: 'run.updated'; data: RunStateChange }
  | { type: 'task.updated'; data: TaskRecord }
  | {
      type: 'task.log';
      data: { runId: string; taskId: string; line: string; stream: 'stdout' | 'stderr' };
    }
  | { type: 'operation.updated'; data: Operation }
  | { type: 'operation.log'; data: { id: string; line: string } }
  | { type: 'settings.changed'; data: Settings }
  | { type: 'system.changed'; data: SystemInfo }
  | { type: 'cluster.updated'; data: ClusterStatus };

export type EngineEventType = EngineEvent['type'];

// A record, so adding an event type without listing it here does not compile.
const EVENT_TYPES: Record<EngineEventType, true> = {
  'operation.updated': true,
  'operation.log': true,
  'settings.changed': true,
  'system.changed': true,
  'cluster.updated': true,
  'run.updated': true,
  'task.updated': true,
  'task.log': true,
};

/** Every event type, e.g. for `GET /api/v1/events?types=…` and the renderer's listeners. */
export const ENGINE_EVENT_TYPES = Object.keys(EVENT_TYPES) as readonly EngineEventType[];

/** An event as delivered: durable events carry an id usable as Last-Event-ID. */
export type DeliveredEvent = EngineEvent & { id?: number; time: string };
