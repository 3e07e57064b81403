import type {
  ClusterOperationStarted,
  ClusterStatus,
  CreateClusterRequest,
} from '@skiff/engine/api-contract';
import { api } from '../../api/api';
import type { ApiError } from '../../api/api-error';
import { asApiError, type LoadState } from '../../state/load-state';
import { operations } from '../../state/operations.svelte';

/** The local cluster (GET /api/v1/cluster, then cluster.updated events). */
class ClusterStateModule {
  current = $state.raw<LoadState<ClusterStatus>>({ status: 'loading' });
  /** An action was sent and its answer has not come back yet. */
  busy = $state(false);

  async load(): Promise<void> {
    try {
      this.current = { status: 'ready', value: await api.getCluster() };
    } catch (error) {
      if (this.current.status !== 'ready')
        this.current = { status: 'error', error: asApiError(error) };
    }
  }

  /**
   * An event's snapshot. Health and usage are only measured on GET, so an event without
   * them keeps what the last load found.
   */
  apply(status: ClusterStatus): void {
    const previous = this.current.status === 'ready' ? this.current.value : undefined;
    const keep = previous?.state === status.state && status.components.length === 0;
    this.current = {
      status: 'ready',
      value: keep ? { ...status, components: previous.components, usage: previous.usage } : status,
    };
    // Just became RUNNING: measure health now rather than at the next refresh.
    if (status.state === 'RUNNING' && previous?.state !== 'RUNNING') void this.load();
  }

  create(request: CreateClusterRequest): Promise<ApiError | null> {
    return this.#act(() => api.createCluster(request));
  }

  start(): Promise<ApiError | null> {
    return this.#act(() => api.startCluster());
  }

  stop(): Promise<ApiError | null> {
    return this.#act(() => api.stopCluster());
  }

  delete(): Promise<ApiError | null> {
    return this.#act(() => api.deleteCluster());
  }

  async #act(send: () => Promise<ClusterOperationStarted>): Promise<ApiError | null> {
    this.busy = true;
    try {
      const started = await send();
      operations.apply(started.operation);
      // Events may already have moved past the answer's snapshot: ask for the truth.
      await this.load();
      return null;
    } catch (error) {
      return asApiError(error);
    } finally {
      this.busy = false;
    }
  }
}

export const cluster = new ClusterStateModule();
