import type { DeliveredEvent, EngineEvent } from '../api/contract.js';
import type { Clock } from './ports.js';

/** Where durable events are kept so that SSE clients can resume after a gap or restart. */
export interface EventLog {
  append(event: EngineEvent, time: Date): number;
  since(lastId: number, limit: number): DeliveredEvent[];
}

export type EventListener = (event: DeliveredEvent) => void;

/**
 * Engine events. Durable events get an id from the event log (usable as SSE
 * `Last-Event-ID`); transient ones (log lines) are only delivered to current listeners.
 */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  constructor(
    private readonly log: EventLog,
    private readonly clock: Clock,
  ) {}

  publish(event: EngineEvent, options: { durable?: boolean } = {}): DeliveredEvent {
    const time = this.clock.now();
    const delivered: DeliveredEvent =
      options.durable === false
        ? { ...event, time: time.toISOString() }
        : { ...event, id: this.log.append(event, time), time: time.toISOString() };
    for (const listener of this.#listeners) {
      try {
        listener(delivered);
      } catch {
        // One broken listener must not stop the others from hearing the event.
      }
    }
    return delivered;
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Durable events after `lastId`, oldest first. */
  replay(lastId: number, limit = 1000): DeliveredEvent[] {
    return this.log.since(lastId, limit);
  }
}
