import type { EngineEvent } from '@skiff/engine/api-contract';
import { eventStream } from '../api/events.svelte';
import { cluster } from '../pages/cluster/cluster-state.svelte';
import { operations } from './operations.svelte';
import { publishRunEvent } from './run-events';
import { settings } from './settings.svelte';
import { system } from './system.svelte';

function dispatch(event: EngineEvent): void {
  switch (event.type) {
    case 'operation.updated':
      operations.apply(event.data);
      break;
    case 'operation.log':
      operations.applyLog(event.data.id, event.data.line);
      break;
    case 'settings.changed':
      settings.apply(event.data);
      break;
    case 'system.changed':
      system.apply(event.data);
      break;
    case 'cluster.updated':
      cluster.apply(event.data);
      break;
    case 'run.updated':
    case 'task.updated':
    case 'task.log':
      publishRunEvent(event);
      break;
  }
}

/** When the stream (re)opens, reload what events sent before it would have told us. */
function resync(): void {
  void operations.load();
  void settings.load();
  if (system.current.status !== 'loading') void system.load();
}

/** Keeps every state module current from /api/v1/events; returns a function that stops. */
export function startLiveUpdates(): () => void {
  return eventStream.start({ onEvent: dispatch, onResync: resync });
}
