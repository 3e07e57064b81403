import type { Operation } from '../api/contract.js';

/** Persistence the operation manager needs; the SQLite store implements it. */
export interface OperationStore {
  insert(operation: Operation): void;
  update(operation: Operation): void;
  get(id: string): Operation | undefined;
  list(options?: { limit?: number }): Operation[];
  /** Operations still marked RUNNING (after a crash, these were interrupted). */
  listRunning(): Operation[];
}
