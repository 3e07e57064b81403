import { appendFileSync } from 'node:fs';
import type { Operation, OperationFailure } from '../api/contract.js';
import { SkiffError, toSkiffError } from './errors.js';

const LAST_LINES = 20;

/** What an operation's work sees: progress, steps, log lines and the cancel signal. */
export interface OperationContext {
  readonly id: string;
  readonly signal: AbortSignal;
  /** Runs one named step: progress moves to the next step and failures name it. */
  step<T>(message: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  progress(current: number, total: number, message?: string): void;
  log(line: string): void;
  /** Remembers the command being run so a failure can show it. */
  command(commandLine: string): void;
}

export interface OperationHooks {
  save(operation: Operation): void;
  logLine(id: string, line: string): void;
  now(): Date;
}

/** One running operation: its record, its abort controller and its failure context. */
export class RunningOperation implements OperationContext {
  readonly controller = new AbortController();
  #currentStep: string | undefined;
  #lastCommand: string | undefined;
  readonly #lastLines: string[] = [];

  constructor(
    public record: Operation,
    private readonly logFile: string,
    private readonly hooks: OperationHooks,
  ) {}

  get id(): string {
    return this.record.id;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  async step<T>(message: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.signal.throwIfAborted();
    const { current, total } = this.record.progress;
    this.#currentStep = message;
    this.progress(current, Math.max(total, current + 1), message);
    const result = await work(this.signal);
    this.progress(current + 1, Math.max(total, current + 1), message);
    return result;
  }

  progress(current: number, total: number, message = this.record.progress.message): void {
    this.#update({ progress: { current, total, message } });
  }

  log(line: string): void {
    this.#lastLines.push(line);
    if (this.#lastLines.length > LAST_LINES) this.#lastLines.shift();
    appendFileSync(this.logFile, `${line}\n`);
    this.hooks.logLine(this.id, line);
  }

  command(commandLine: string): void {
    this.#lastCommand = commandLine;
    this.log(`$ ${commandLine}`);
  }

  succeed(): void {
    const { total } = this.record.progress;
    this.#finish('SUCCEEDED', { progress: { current: total, total, message: 'Done' } });
  }

  fail(error: unknown): void {
    const skiffError = this.signal.aborted ? cancelled(this.signal.reason) : toSkiffError(error);
    const failure: OperationFailure = { ...skiffError.toJSON() };
    if (this.#currentStep) failure.step = this.#currentStep;
    if (this.#lastCommand) failure.lastCommand = this.#lastCommand;
    if (this.#lastLines.length > 0) failure.lastLines = [...this.#lastLines];
    this.#finish(skiffError.code === 'CANCELLED' ? 'CANCELLED' : 'FAILED', { error: failure });
  }

  #finish(state: Operation['state'], changes: Partial<Operation>): void {
    this.#update({ ...changes, state, finishedAt: this.hooks.now().toISOString() });
  }

  #update(changes: Partial<Operation>): void {
    this.record = { ...this.record, ...changes, updatedAt: this.hooks.now().toISOString() };
    this.hooks.save(this.record);
  }
}

function cancelled(reason: unknown): SkiffError {
  if (reason instanceof SkiffError && reason.code === 'CANCELLED') return reason;
  return new SkiffError('CANCELLED', 'The operation was cancelled.');
}
