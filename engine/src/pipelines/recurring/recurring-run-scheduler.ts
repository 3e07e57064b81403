import type { DeliveredEvent } from '../../api/contract.js';
import { toSkiffError } from '../../core/errors.js';
import type { Clock, Logger } from '../../core/ports.js';
import type {
  RecurringRunRecord,
  RecurringRunRepository,
} from '../store/recurring-run-repository.js';
import type { TriggerRun } from './recurring-run-trigger.js';
import { firstAnchor, latestFire, nextFire, parseTrigger } from './recurring-trigger.js';

export interface RecurringRunSchedulerDeps {
  recurringRuns: RecurringRunRepository;
  trigger: TriggerRun;
  clock: Clock;
  logger: Logger;
  /** Engine events: a run that finishes frees a max_concurrency slot. */
  events?: { subscribe(listener: (event: DeliveredEvent) => void): () => void };
  /** Longest wait between checks, so recurring runs changed through the API are seen soon. */
  pollMs?: number;
}

const DEFAULT_POLL_MS = 1000;
const UNFINISHED = new Set(['PENDING', 'RUNNING', 'CANCELING', 'PAUSED']);

/**
 * Triggers the runs of enabled recurring runs at their times. All state is in SQLite
 * (last_triggered_at, runs), so after a restart it resumes where it stopped: with catchup
 * every missed time is triggered in turn, with no_catchup only the latest one. A recurring
 * run with max_concurrency unfinished runs waits, as KFP's does, rather than skipping.
 */
export class RecurringRunScheduler {
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #wakePending = false;
  #unsubscribe: (() => void) | undefined;
  readonly #broken = new Set<string>();

  constructor(private readonly deps: RecurringRunSchedulerDeps) {}

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#unsubscribe = this.deps.events?.subscribe((event) => {
      if (event.type === 'run.updated' && !UNFINISHED.has(event.data.state)) this.wake();
    });
    this.#loop();
  }

  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** Looks again soon: a recurring run was created or enabled, or a run finished. */
  wake(): void {
    if (!this.#running || this.#wakePending) return;
    this.#wakePending = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#loop(), 10).unref();
  }

  /** Triggers every time that is due and allowed now; returns when the next one is due. */
  tick(): Date | undefined {
    const now = this.deps.clock.now();
    let earliest: Date | undefined;
    for (const recurring of this.deps.recurringRuns.listEnabled()) {
      const next = this.#fireDue(recurring, now);
      if (next && (!earliest || next < earliest)) earliest = next;
    }
    return earliest;
  }

  #loop(): void {
    this.#wakePending = false;
    this.#timer = undefined;
    let next: Date | undefined;
    try {
      next = this.tick();
    } catch (error) {
      this.deps.logger.log('error', 'Recurring run scheduler failed a check', {
        error: toSkiffError(error).message,
      });
    }
    if (!this.#running) return;
    const untilNext = next ? next.getTime() - this.deps.clock.now().getTime() : Infinity;
    const delay = Math.max(0, Math.min(untilNext, this.deps.pollMs ?? DEFAULT_POLL_MS));
    // unref: a pending schedule never keeps the process alive on its own.
    this.#timer = setTimeout(() => this.#loop(), delay).unref();
  }

  /** Fires what is due for one recurring run; returns its next future time, if any. */
  #fireDue(recurring: RecurringRunRecord, now: Date): Date | undefined {
    const id = recurring.recurringRunId;
    try {
      const trigger = parseTrigger(recurring.trigger);
      let anchor = recurring.lastTriggeredAt
        ? new Date(recurring.lastTriggeredAt)
        : firstAnchor(trigger, new Date(recurring.createdAt));
      for (;;) {
        const due = nextFire(trigger, anchor);
        if (!due || due > now) return due;
        if (this.deps.recurringRuns.activeRunCount(id) >= recurring.maxConcurrency)
          return undefined;
        const scheduledAt = recurring.noCatchup ? latestFire(trigger, due, now) : due;
        this.deps.trigger(recurring, scheduledAt);
        anchor = scheduledAt;
      }
    } catch (error) {
      // Log once per recurring run, not on every check.
      if (!this.#broken.has(id)) {
        this.#broken.add(id);
        this.deps.logger.log('error', `Recurring run "${recurring.displayName}" cannot trigger`, {
          recurringRunId: id,
          error: toSkiffError(error).message,
        });
      }
      return undefined;
    }
  }
}
