import { fileURLToPath } from 'node:url';
import type { Settings } from '../api/contract.js';
import type { EventBus } from '../core/event-bus.js';
import type { EngineDeps } from '../core/ports.js';
import { limitConcurrency } from '../executors/concurrency-limited-executor.js';
import type { ContainerExecutor, ExecutorKind } from '../executors/container-executor.js';
import { createDockerExecutor } from '../executors/docker-executor.js';
import { chooseExecutor } from '../executors/executor-selection.js';
import { withCpuFallback } from '../executors/gpu-fallback-executor.js';
import { resolveImage } from '../executors/image-map.js';
import { stopLeftoverTask } from '../executors/leftover-task-stopper.js';
import { createProcessExecutor } from '../executors/process-executor.js';
import type { SkiffHome } from '../store/skiff-home.js';
import { RecurringRunScheduler } from './recurring/recurring-run-scheduler.js';
import { createRecurringRunTrigger } from './recurring/recurring-run-trigger.js';
import { ArtifactRepository } from './runs/artifact-repository.js';
import { CacheRepository } from './runs/cache-repository.js';
import { LocalRunLauncher } from './runs/local-run-launcher.js';
import { RunStateStore } from './runs/run-state-store.js';
import { TaskRepository } from './runs/task-repository.js';
import { ExperimentRepository } from './store/experiment-repository.js';
import { RecurringRunRepository } from './store/recurring-run-repository.js';
import { RunRepository } from './store/run-repository.js';

/** Skiff's own KFP executor protocol (engine/runtime/python), from src/ or dist/ alike. */
export const PYTHON_RUNTIME_DIR = fileURLToPath(new URL('../../runtime/python', import.meta.url));

export interface LocalPipelines {
  launcher: LocalRunLauncher;
  tasks: TaskRepository;
  artifacts: ArtifactRepository;
  runs: RunRepository;
  cache: CacheRepository;
  /** Triggers recurring runs; started and stopped with the engine. */
  recurring: RecurringRunScheduler;
}

/** The local pipeline engine: repositories, executors chosen from settings, the launcher. */
export function createLocalPipelines(
  deps: EngineDeps,
  events: EventBus,
  home: SkiffHome,
): LocalPipelines {
  const db = deps.store.db;
  const settings = (): Settings => deps.store.settings.get();
  const tasks = new TaskRepository(db);
  const artifacts = new ArtifactRepository(db);
  const cache = new CacheRepository(
    db,
    (taskId) => tasks.get(taskId)?.runId,
    () => deps.clock.now(),
  );
  const executors = new Map<ExecutorKind, ContainerExecutor>();
  const executorFor = (kind: ExecutorKind): ContainerExecutor => {
    let executor = executors.get(kind);
    if (!executor) {
      const raw =
        kind === 'docker'
          ? withCpuFallback(createDockerExecutor(), () =>
              deps.docker.info().then(
                (info) => info.runtimes.includes('nvidia'),
                () => false,
              ),
            )
          : createProcessExecutor();
      executor = limitConcurrency(raw, () => settings().pipelines.concurrency);
      executors.set(kind, executor);
    }
    return executor;
  };
  const dockerAnswers = (): Promise<boolean> =>
    deps.docker.info().then(
      () => true,
      () => false,
    );
  const runs = new RunRepository(db);
  const launcher = new LocalRunLauncher({
    runs: new RunStateStore(db),
    tasks,
    artifacts,
    cache,
    events,
    clock: deps.clock,
    ids: deps.ids,
    logger: deps.logger.child({ component: 'pipelines' }),
    // A run created with `executor` keeps it, whatever Settings say when it starts.
    executor: async (runId) =>
      executorFor(
        await chooseExecutor(
          runs.executorRequest(runId) ?? settings().pipelines.executor,
          dockerAnswers,
        ),
      ),
    resolveImage: (image) => resolveImage(image, settings().images.map),
    artifactsDir: home.artifacts,
    logsDir: `${home.logs}/runs`,
    pythonRuntimeDir: PYTHON_RUNTIME_DIR,
    stopLeftover: stopLeftoverTask,
  });
  const recurringRuns = new RecurringRunRepository(db);
  const recurringLogger = deps.logger.child({ component: 'recurring-runs' });
  const recurring = new RecurringRunScheduler({
    recurringRuns,
    trigger: createRecurringRunTrigger({
      db,
      runs,
      experiments: new ExperimentRepository(db),
      recurringRuns,
      launcher,
      clock: deps.clock,
      ids: deps.ids,
      logger: recurringLogger,
    }),
    clock: deps.clock,
    logger: recurringLogger,
    events,
  });
  return { launcher, tasks, artifacts, runs, cache, recurring };
}
