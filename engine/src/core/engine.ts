import type { Settings } from '../api/contract.js';
import { createLocalPipelines, type LocalPipelines } from '../pipelines/local-pipelines.js';
import type { SkiffHome } from '../store/skiff-home.js';
import { SystemStatus } from '../system/system-status.js';
import { EventBus } from './event-bus.js';
import { Operations } from './operations.js';
import type { EngineDeps } from './ports.js';

export interface EngineConfig {
  home: SkiffHome;
  version: string;
}

/** The headless engine: domain services built from injected ports. No HTTP here. */
export interface Engine {
  readonly config: EngineConfig;
  readonly deps: EngineDeps;
  readonly events: EventBus;
  readonly operations: Operations;
  readonly system: SystemStatus;
  /** The local pipeline engine (KFP runs on this machine). */
  readonly pipelines: LocalPipelines;
  settings(): Settings;
  updateSettings(patch: unknown): Promise<Settings>;
  /** Recovers what a crash left behind. Call once before serving. */
  start(): Promise<void>;
  /** Cancels running work, waits for its containers to stop, and closes the store. */
  stop(): Promise<void>;
}

export function createEngine(config: EngineConfig, deps: EngineDeps): Engine {
  const events = new EventBus(deps.store.events, deps.clock);
  const operations = new Operations({
    store: deps.store.operations,
    events,
    clock: deps.clock,
    ids: deps.ids,
    logger: deps.logger.child({ component: 'operations' }),
    logsDir: config.home.operationLogs,
  });
  const system = new SystemStatus({
    docker: deps.docker,
    exec: deps.exec,
    clock: deps.clock,
    home: config.home.root,
    version: config.version,
  });

  const pipelines = createLocalPipelines(deps, events, config.home);

  return {
    config,
    deps,
    events,
    operations,
    system,
    pipelines,
    settings: () => deps.store.settings.get(),
    async updateSettings(patch) {
      const settings = await deps.store.settings.patch(patch);
      events.publish({ type: 'settings.changed', data: settings });
      return settings;
    },
    async start() {
      const interrupted = operations.recoverInterrupted();
      if (interrupted > 0) {
        deps.logger.log('warn', `Marked ${interrupted} interrupted operation(s) as failed`);
      }
      const runs = await pipelines.launcher.recoverInterrupted();
      if (runs > 0) deps.logger.log('warn', `Marked ${runs} interrupted run(s) as failed`);
      // After recovery, so runs the crash interrupted no longer count against max_concurrency.
      pipelines.recurring.start();
    },
    async stop() {
      operations.cancelAll();
      pipelines.recurring.stop();
      await pipelines.launcher.stopAll();
      deps.store.close();
    },
  };
}
