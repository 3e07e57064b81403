import type { Operation } from '@skiff/engine/api-contract';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { api } from '../api/api';
import type { ApiError } from '../api/api-error';
import { asApiError, type LoadState } from './load-state';
import { upsertOperation } from './operation-list';

/** Long-running work in the engine (GET /api/v1/operations, then operation.* events). */
class OperationsState {
  current = $state.raw<LoadState<Operation[]>>({ status: 'loading' });
  /** The latest log line of each operation, shown under its progress bar. */
  readonly lastLine = new SvelteMap<string, string>();
  /** Ids whose cancellation was asked for and not yet answered by an update. */
  readonly cancelling = new SvelteSet<string>();
  /** Per load on the wire, the updates that arrived meanwhile: merged into its answer. */
  readonly #arrivedDuringLoads = new Set<Operation[]>();

  async load(): Promise<void> {
    if (this.current.status !== 'ready') this.current = { status: 'loading' };
    const arrived: Operation[] = [];
    this.#arrivedDuringLoads.add(arrived);
    try {
      const { operations } = await api.listOperations();
      this.current = { status: 'ready', value: arrived.reduce(upsertOperation, operations) };
    } catch (error) {
      this.current = { status: 'error', error: asApiError(error) };
    } finally {
      this.#arrivedDuringLoads.delete(arrived);
    }
  }

  apply(operation: Operation): void {
    for (const arrived of this.#arrivedDuringLoads) arrived.push(operation);
    if (operation.state !== 'RUNNING') this.cancelling.delete(operation.id);
    if (this.current.status !== 'ready') return;
    this.current = { status: 'ready', value: upsertOperation(this.current.value, operation) };
  }

  applyLog(id: string, line: string): void {
    this.lastLine.set(id, line);
  }

  /** Asks the engine to cancel; resolves to the error to show, if any. */
  async cancel(id: string): Promise<ApiError | null> {
    this.cancelling.add(id);
    try {
      await api.cancelOperation(id);
      return null;
    } catch (error) {
      this.cancelling.delete(id);
      return asApiError(error);
    }
  }
}

export const operations = new OperationsState();
