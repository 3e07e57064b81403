import type { EngineEvent } from '@skiff/engine/api-contract';

type RunEvent = Extract<EngineEvent, { type: 'run.updated' | 'task.updated' | 'task.log' }>;
type Listener = (event: RunEvent) => void;

const listeners = new Set<Listener>();

/** Run and task events for the pages that show runs; returns a function that unsubscribes. */
export function onRunEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publishRunEvent(event: RunEvent): void {
  for (const listener of listeners) listener(event);
}
