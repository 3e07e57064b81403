import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import type { EventBus } from '../../core/event-bus.js';
import { SkiffError, toSkiffError } from '../../core/errors.js';
import type { Clock, IdGenerator, Logger } from '../../core/ports.js';
import type { ContainerExecutor, ExecutorKind } from '../../executors/container-executor.js';
import type { RunOutcome, RuntimeState, TaskCache, TaskRecord } from '../scheduler/run-model.js';
import { runPipeline } from '../scheduler/run-pipeline.js';
import type { ArtifactRepository } from './artifact-repository.js';
import type { RunLauncher } from './run-launcher.js';
import { createRunRecorder } from './run-recorder.js';
import type { RunStateStore } from './run-state-store.js';
import type { TaskRepository } from './task-repository.js';

export interface LocalRunLauncherDeps {
  runs: RunStateStore;
  tasks: TaskRepository;
  artifacts: ArtifactRepository;
  cache: TaskCache;
  events: EventBus;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  /** The executor for a run: the one it asked for, else Settings' (concurrency-limited). */
  executor: (runId: string) => Promise<ContainerExecutor>;
  resolveImage: (image: string) => string;
  artifactsDir: string;
  logsDir: string;
  pythonRuntimeDir: string;
  /** Stops a task's container or process left running by a crashed engine. */
  stopLeftover: (executor: ExecutorKind, id: string) => Promise<void>;
}

const INTERRUPTED =
  'The engine stopped while this run was in progress; start it again or retry it.';

/** Runs stored runs on this machine with the DAG scheduler, one AbortController each. */
export class LocalRunLauncher implements RunLauncher {
  readonly #active = new Map<
    string,
    { controller: AbortController; done: Promise<RunOutcome | undefined> }
  >();

  constructor(private readonly deps: LocalRunLauncherDeps) {}

  start(runId: string): void {
    this.#launch(runId, undefined);
  }

  retry(runId: string): void {
    const run = this.deps.runs.load(runId);
    if (run.state !== 'FAILED' && run.state !== 'CANCELED') {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `Run "${runId}" is ${run.state}; only FAILED or CANCELED runs can be retried.`,
      );
    }
    const previous = this.deps.tasks.listByRun(runId);
    this.deps.runs.transaction(() => {
      this.deps.tasks.deleteByRun(runId);
      this.deps.runs.setState(runId, 'PENDING');
    });
    this.#launch(runId, previous);
  }

  terminate(runId: string): void {
    const active = this.#active.get(runId);
    if (active) {
      this.#setState(runId, 'CANCELING');
      active.controller.abort(new SkiffError('CANCELLED', 'Terminated by the user.'));
      return;
    }
    const run = this.deps.runs.load(runId);
    if (run.state !== 'PENDING') {
      throw new SkiffError('FAILED_PRECONDITION', `Run "${runId}" is ${run.state}, not running.`);
    }
    this.#setState(runId, 'CANCELED', { finishedAt: this.#now() });
  }

  /** Resolves when the run's current execution ends (for tests and the CLI's --watch). */
  async settled(runId: string): Promise<void> {
    await this.#active.get(runId)?.done;
  }

  /** At start: runs a crash left unfinished are failed with the reason, and so are their tasks. */
  /**
   * At start: runs a crash left unfinished are failed with the reason, and so are their
   * tasks; containers and processes those tasks left running are stopped.
   */
  async recoverInterrupted(): Promise<number> {
    const unfinished = this.deps.runs
      .listUnfinished()
      .filter(({ runId }) => !this.#active.has(runId));
    for (const { runId, executor } of unfinished) {
      for (const task of this.deps.tasks.listByRun(runId)) {
        if (task.state !== 'RUNNING' && task.state !== 'PENDING') continue;
        if (executor && task.containerId) await this.deps.stopLeftover(executor, task.containerId);
        this.deps.tasks.save({
          ...task,
          state: 'FAILED',
          error: { code: 'UNAVAILABLE', message: INTERRUPTED },
          finishedAt: this.#now(),
        });
      }
      this.#setState(runId, 'FAILED', {
        error: { code: 'UNAVAILABLE', message: INTERRUPTED },
        finishedAt: this.#now(),
      });
    }
    return unfinished.length;
  }

  /** On engine stop: cancel every run and wait for their containers to stop. */
  async stopAll(): Promise<void> {
    for (const { controller } of this.#active.values()) {
      controller.abort(new SkiffError('CANCELLED', 'The engine is stopping.'));
    }
    await Promise.all([...this.#active.values()].map((a) => a.done));
  }

  #launch(runId: string, resumeFrom: TaskRecord[] | undefined): void {
    if (this.#active.has(runId))
      throw new SkiffError('FAILED_PRECONDITION', `Run "${runId}" is already running.`);
    const controller = new AbortController();
    // Every waiting and running task of the run listens to this one signal.
    setMaxListeners(0, controller.signal);
    const done = this.#execute(runId, resumeFrom, controller.signal).finally(() =>
      this.#active.delete(runId),
    );
    this.#active.set(runId, { controller, done });
  }

  async #execute(
    runId: string,
    resumeFrom: TaskRecord[] | undefined,
    signal: AbortSignal,
  ): Promise<RunOutcome | undefined> {
    try {
      const run = this.deps.runs.load(runId);
      const executor = await this.deps.executor(runId);
      this.#setState(runId, 'RUNNING', { executor: executor.kind, startedAt: this.#now() });
      const recorder = createRunRecorder({
        runId,
        tasks: this.deps.tasks,
        artifacts: this.deps.artifacts,
        events: this.deps.events,
        logsDir: this.deps.logsDir,
        now: () => this.deps.clock.now(),
        transaction: (work) => this.deps.runs.transaction(work),
      });
      const outcome = await runPipeline(
        {
          runId,
          jobName: run.displayName,
          spec: run.spec,
          ...(run.platformSpec ? { platformSpec: run.platformSpec } : {}),
          parameters: run.parameters,
          pipelineRoot: join(this.deps.artifactsDir, runId),
          cacheEnabled: run.cacheEnabled,
          concurrency: Number.MAX_SAFE_INTEGER,
          createTime: new Date(run.createdAt),
          ...(resumeFrom ? { resumeFrom } : {}),
        },
        {
          executor,
          resolveImage: this.deps.resolveImage,
          cache: this.deps.cache,
          recorder,
          clock: this.deps.clock,
          ids: this.deps.ids,
          logger: this.deps.logger.child({ runId }),
          pythonRuntimeDir: this.deps.pythonRuntimeDir,
        },
        signal,
      ).finally(() => recorder.flush());
      this.#setState(runId, outcome.state, {
        ...(outcome.error ? { error: outcome.error } : {}),
        finishedAt: this.#now(),
      });
      return outcome;
    } catch (error) {
      const failure = toSkiffError(error);
      const state: RuntimeState = failure.code === 'CANCELLED' ? 'CANCELED' : 'FAILED';
      this.deps.logger.log('warn', `Run ${runId} ended: ${failure.message}`);
      this.#setState(runId, state, {
        error: { code: failure.code, message: failure.message },
        finishedAt: this.#now(),
      });
      return undefined;
    }
  }

  #setState(
    runId: string,
    state: RuntimeState,
    changes: Parameters<RunStateStore['setState']>[2] = {},
  ): void {
    this.deps.runs.setState(runId, state, changes);
    const data = {
      runId,
      state,
      ...(changes.error ? { error: changes.error } : {}),
      ...(changes.finishedAt ? { finishedAt: changes.finishedAt } : {}),
    };
    this.deps.events.publish({ type: 'run.updated', data });
  }

  #now(): string {
    return this.deps.clock.now().toISOString();
  }
}
