import { API_ROUTES, ENGINE_EVENT_TYPES, type EngineEvent } from '@skiff/engine/api-contract';
import { parseEngineEvent, reconnectDelay } from './engine-event';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

export interface EventStreamHooks {
  onEvent: (event: EngineEvent) => void;
  /**
   * Called whenever the stream opens: events sent before it did (the first time: while the
   * page was loading; later: during a break) are reloaded instead.
   */
  onResync: () => void;
}

/**
 * The one subscription to /api/v1/events. The browser's EventSource retries by itself
 * after a dropped connection (sending Last-Event-ID); when it gives up (an HTTP error such
 * as 401, or a non-SSE answer) this opens a new one with a growing delay.
 */
class EventStream {
  state = $state<ConnectionState>('connecting');
  #source: EventSource | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #attempt = 0;
  #hooks: EventStreamHooks | null = null;

  start(hooks: EventStreamHooks): () => void {
    this.#hooks = hooks;
    this.#open();
    return () => this.stop();
  }

  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#source?.close();
    this.#source = null;
    this.#hooks = null;
  }

  #open(): void {
    const source = new EventSource(API_ROUTES.events);
    this.#source = source;

    source.addEventListener('open', () => {
      this.state = 'open';
      this.#attempt = 0;
      this.#hooks?.onResync();
    });

    source.addEventListener('error', () => {
      this.state = 'reconnecting';
      if (source.readyState !== EventSource.CLOSED) return; // the browser retries itself
      source.close();
      if (this.#source !== source || this.#hooks === null) return;
      // Resync now: a 401 there shows the session screen instead of retrying forever.
      this.#hooks.onResync();
      this.#timer = setTimeout(() => this.#open(), reconnectDelay(this.#attempt++));
    });

    for (const type of ENGINE_EVENT_TYPES) {
      source.addEventListener(type, (message: MessageEvent<string>) => {
        const event = parseEngineEvent(type, message.data);
        if (event) this.#hooks?.onEvent(event);
      });
    }
  }
}

export const eventStream = new EventStream();
