import type { SystemInfo } from '@skiff/engine/api-contract';
import { api } from '../api/api';
import { asApiError, type LoadState } from './load-state';

/** What the engine found on this machine (GET /api/v1/system, then system.changed events). */
class SystemState {
  current = $state.raw<LoadState<SystemInfo>>({ status: 'loading' });
  refreshing = $state(false);

  /** Loads the facts; while a previous answer is shown, it stays visible during a refresh. */
  async load(): Promise<void> {
    if (this.current.status !== 'ready') this.current = { status: 'loading' };
    this.refreshing = true;
    try {
      this.current = { status: 'ready', value: await api.getSystem() };
    } catch (error) {
      this.current = { status: 'error', error: asApiError(error) };
    } finally {
      this.refreshing = false;
    }
  }

  apply(info: SystemInfo): void {
    this.current = { status: 'ready', value: info };
  }
}

export const system = new SystemState();
