import type { TargetView } from '@skiff/engine/api-contract';
import { api } from '../../api/api';
import { asApiError, type LoadState } from '../../state/load-state';

/** The configured Kubeflow targets, shared by Settings, Run on… and Push to target…. */
class TargetsStore {
  current = $state<LoadState<TargetView[]>>({ status: 'loading' });
  #requested = false;

  /** Loads once for pickers; Settings calls load() to refresh. Not reactive, so no loops. */
  async ensure(): Promise<void> {
    if (this.#requested) return;
    this.#requested = true;
    await this.load();
  }

  async load(): Promise<void> {
    this.#requested = true;
    try {
      this.current = { status: 'ready', value: await api.listTargets() };
    } catch (error) {
      this.current = { status: 'error', error: asApiError(error) };
    }
  }

  /** The list when loaded, else empty (pickers show just the local choice). */
  get list(): TargetView[] {
    return this.current.status === 'ready' ? this.current.value : [];
  }
}

export const targets = new TargetsStore();
