import {
  ENGINE_EVENT_TYPES,
  type EngineEvent,
  type EngineEventType,
} from '@skiff/engine/api-contract';

function isEventType(type: string): type is EngineEventType {
  return (ENGINE_EVENT_TYPES as readonly string[]).includes(type);
}

/**
 * Turns one SSE message (its `event:` name and `data:` text) into an EngineEvent, or null
 * for an unknown type or data that is not a JSON object. The engine is trusted for the
 * payload's shape; this only guards against a malformed frame stopping the stream.
 */
export function parseEngineEvent(type: string, data: string): EngineEvent | null {
  if (!isEventType(type)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  return { type, data: payload } as EngineEvent;
}

/** Wait before reconnecting after `attempt` failures: 1 s, 2 s, 4 s … capped at 30 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
}
