import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Operation } from '../api/contract.js';
import { notFound, SkiffError } from './errors.js';
import type { EventBus } from './event-bus.js';
import { RunningOperation, type OperationContext } from './operation.js';
import type { OperationStore } from './operation-store.js';
import type { Clock, IdGenerator, Logger } from './ports.js';

export interface OperationSpec {
  kind: string;
  title: string;
  /** Number of named steps, when known up front. */
  steps?: number;
}

export interface StartedOperation<T> {
  operation: Operation;
  /** Settles when the work ends; rejects with a SkiffError on failure or cancel. */
  result: Promise<T>;
}

const INTERRUPTED = 'The engine stopped while this operation was running. Start it again.';

/**
 * Long work (a run, a cluster install, an image build): id, named steps, progress, log
 * lines and cancellation, persisted and announced on the event bus.
 */
export class Operations {
  readonly #running = new Map<string, RunningOperation>();

  constructor(
    private readonly deps: {
      store: OperationStore;
      events: EventBus;
      clock: Clock;
      ids: IdGenerator;
      logger: Logger;
      logsDir: string;
    },
  ) {
    mkdirSync(deps.logsDir, { recursive: true });
  }

  start<T>(spec: OperationSpec, work: (op: OperationContext) => Promise<T>): StartedOperation<T> {
    const now = this.deps.clock.now().toISOString();
    const record: Operation = {
      id: this.deps.ids.next(),
      kind: spec.kind,
      title: spec.title,
      state: 'RUNNING',
      progress: { current: 0, total: spec.steps ?? 0, message: 'Starting' },
      createdAt: now,
      updatedAt: now,
    };
    this.deps.store.insert(record);
    const running = new RunningOperation(record, this.#logFile(record.id), {
      save: (operation) => this.#save(operation),
      logLine: (id, line) =>
        this.deps.events.publish({ type: 'operation.log', data: { id, line } }, { durable: false }),
      now: () => this.deps.clock.now(),
    });
    this.#running.set(record.id, running);
    this.deps.events.publish({ type: 'operation.updated', data: record });
    return { operation: record, result: this.#execute(running, work) };
  }

  async #execute<T>(
    running: RunningOperation,
    work: (op: OperationContext) => Promise<T>,
  ): Promise<T> {
    try {
      const value = await work(running);
      running.signal.throwIfAborted();
      running.succeed();
      return value;
    } catch (error) {
      running.fail(error);
      const failure = running.record.error;
      this.deps.logger.log(
        'warn',
        `Operation ${running.id} ended: ${failure?.message ?? 'failed'}`,
      );
      throw new SkiffError(failure?.code ?? 'INTERNAL', failure?.message ?? 'Operation failed', {
        operationId: running.id,
      });
    } finally {
      this.#running.delete(running.id);
    }
  }

  get(id: string): Operation {
    const operation = this.deps.store.get(id);
    if (!operation) throw notFound('Operation', id);
    return operation;
  }

  list(limit = 100): Operation[] {
    return this.deps.store.list({ limit });
  }

  async logs(id: string): Promise<string[]> {
    this.get(id);
    const text = await readFile(this.#logFile(id), 'utf8').catch(() => '');
    return text === '' ? [] : text.replace(/\n$/, '').split('\n');
  }

  /** Asks a running operation to stop; its work sees the AbortSignal. */
  cancel(id: string): Operation {
    const operation = this.get(id);
    const running = this.#running.get(id);
    if (!running) {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `Operation "${id}" is ${operation.state}, not running.`,
      );
    }
    running.controller.abort(new SkiffError('CANCELLED', 'Cancelled by the user.'));
    return running.record;
  }

  /** On stop: cancel everything still running. */
  cancelAll(): void {
    for (const running of this.#running.values()) {
      running.controller.abort(new SkiffError('CANCELLED', 'The engine is stopping.'));
    }
  }

  /** On start: operations left RUNNING by a crash are marked failed with the reason. */
  recoverInterrupted(): number {
    const leftovers = this.deps.store.listRunning().filter((op) => !this.#running.has(op.id));
    for (const operation of leftovers) {
      const now = this.deps.clock.now().toISOString();
      this.#save({
        ...operation,
        state: 'FAILED',
        error: { code: 'UNAVAILABLE', message: INTERRUPTED },
        updatedAt: now,
        finishedAt: now,
      });
    }
    return leftovers.length;
  }

  #save(operation: Operation): void {
    this.deps.store.update(operation);
    this.deps.events.publish({ type: 'operation.updated', data: operation });
  }

  #logFile(id: string): string {
    return join(this.deps.logsDir, `${id}.log`);
  }
}
