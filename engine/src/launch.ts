/**
 * Starts a whole Skiff engine in this process: configuration, real adapters, engine,
 * HTTP server. Used by `skiff serve`, the Electron shell and cross-process tests.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startApiServer } from './api/api-server.js';
import type { DeliveredEvent } from './api/contract.js';
import { followLocalCluster } from './targets/local-cluster-target.js';
import { createClientNodeKube } from './cluster/client-node-kube.js';
import { resolveListenConfig } from './core/config.js';
import { createEngine, type Engine } from './core/engine.js';
import { createLogger } from './core/logger.js';
import { randomIds, systemClock } from './core/system-clock.js';
import { SKIFF_VERSION } from './core/version.js';
import { createDockerodeDocker } from './executors/dockerode-docker.js';
import { createExecaExec } from './executors/execa-exec.js';
import {
  ensureHome,
  readOrCreateToken,
  resolveHomePath,
  writePrivateJson,
} from './store/skiff-home.js';
import { openStore } from './store/store.js';

export interface LaunchOptions {
  /** Data folder; default `$SKIFF_HOME` or `~/.skiff`. */
  home?: string;
  /** Listen address; default 127.0.0.1. */
  host?: string;
  /** Port; default `$SKIFF_PORT`, then settings `engine.port`. 0 picks a free port. */
  port?: number;
  /** Built renderer folder served at `/`; default the renderer workspace's `dist/`. */
  rendererDir?: string;
  /** Also print log lines to stderr (the CLI's `serve` does). */
  logToConsole?: boolean;
}

export interface RunningEngine {
  readonly url: string;
  readonly port: number;
  readonly home: string;
  readonly version: string;
  /** A one-time URL that sets the session cookie and opens the UI. */
  createLoginUrl(): string;
  /** Engine events as they happen; returns an unsubscribe function. */
  onEvent(listener: (event: DeliveredEvent) => void): () => void;
  /** Closes the server, cancels running operations and closes the store. */
  stop(): Promise<void>;
}

/** What launchEngine returns: a running engine plus the engine itself, for tests. */
export interface LaunchedEngine extends RunningEngine {
  readonly engine: Engine;
}

/** What `skiff status` and `skiff up` read to find a running engine. */
export interface EngineInfoFile {
  pid: number;
  url: string;
  port: number;
  version: string;
  startedAt: string;
}

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../renderer/dist', import.meta.url));

export async function launchEngine(options: LaunchOptions = {}): Promise<LaunchedEngine> {
  const home = ensureHome(resolveHomePath(options.home));
  const logger = createLogger({
    file: `${home.logs}/engine.log`,
    console: options.logToConsole ?? false,
  });
  const token = readOrCreateToken(home.token, () => randomIds.secret(32));
  const store = await openStore(home);
  const listen = resolveListenConfig({
    flags: { host: options.host, port: options.port },
    env: process.env,
    settingsPort: store.settings.get().engine.port,
  });
  const engine = createEngine(
    { home, version: SKIFF_VERSION },
    {
      docker: createDockerodeDocker(),
      exec: createExecaExec(),
      kube: createClientNodeKube(),
      store,
      clock: systemClock,
      ids: randomIds,
      logger,
    },
  );
  await engine.start();
  const stopFollowingCluster = followLocalCluster(engine);
  let server;
  try {
    server = await startApiServer({
      engine,
      token,
      host: listen.host,
      port: listen.port,
      rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
      kfp: {
        launcher: engine.pipelines.launcher,
        tasks: engine.pipelines.tasks,
        recurring: engine.pipelines.recurring,
      },
    });
  } catch (error) {
    stopFollowingCluster();
    await engine.stop();
    throw error;
  }
  const info: EngineInfoFile = {
    pid: process.pid,
    url: server.url,
    port: server.port,
    version: SKIFF_VERSION,
    startedAt: new Date().toISOString(),
  };
  writePrivateJson(home.engineInfo, info);
  logger.log('info', `Skiff ${SKIFF_VERSION} listening on ${server.url}`);

  let stopping: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    home: home.root,
    version: SKIFF_VERSION,
    engine,
    createLoginUrl: () => server.createLoginUrl(),
    onEvent: (listener) => engine.events.subscribe(listener),
    stop: () =>
      (stopping ??= (async () => {
        stopFollowingCluster();
        await server.close();
        await engine.stop();
        rmSync(home.engineInfo, { force: true });
        logger.log('info', 'Skiff stopped');
      })()),
  };
}
