import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '../../engine/src/api/api-server.js';
import { createEngine, type Engine } from '../../engine/src/core/engine.js';
import { SkiffError } from '../../engine/src/core/errors.js';
import { silentLogger } from '../../engine/src/core/logger.js';
import { randomIds, systemClock } from '../../engine/src/core/system-clock.js';
import type { RunLauncher } from '../../engine/src/pipelines/runs/run-launcher.js';
import { TaskRepository } from '../../engine/src/pipelines/runs/task-repository.js';
import type { SqliteDatabase } from '../../engine/src/store/database.js';
import { ensureHome } from '../../engine/src/store/skiff-home.js';
import { openStore } from '../../engine/src/store/store.js';

/**
 * A launcher that runs nothing: it records each call and plays a finished run into the
 * database (one DAG task and one container task with an output artifact), as the real
 * launcher's recorder would.
 */
export class RecordingLauncher implements RunLauncher {
  readonly calls: { method: 'start' | 'terminate' | 'retry'; runId: string }[] = [];

  constructor(
    private readonly db: SqliteDatabase,
    private readonly tasks: TaskRepository,
  ) {}

  start(runId: string): void {
    this.calls.push({ method: 'start', runId });
    const at = (ms: number): string => new Date(Date.now() + ms).toISOString();
    const io = { parameters: {}, artifacts: {} };
    this.tasks.save({
      taskId: `${runId}-root`,
      runId,
      name: 'root',
      displayName: 'root',
      kind: 'dag',
      state: 'SUCCEEDED',
      cached: false,
      attempts: 1,
      inputs: io,
      outputs: io,
      createdAt: at(0),
      startedAt: at(1),
      finishedAt: at(30),
    });
    const artifact = {
      artifactId: `${runId}-model`,
      name: 'model',
      type: { schemaTitle: 'system.Model' },
      uri: `/tmp/${runId}/model`,
      metadata: {},
    };
    this.db
      .prepare(
        "INSERT INTO artifacts (artifact_id, run_id, output_key, schema_title, uri, created_at) VALUES (?, ?, 'model', 'system.Model', ?, ?)",
      )
      .run(artifact.artifactId, runId, artifact.uri, at(20));
    this.tasks.save({
      taskId: `${runId}-train`,
      runId,
      parentTaskId: `${runId}-root`,
      name: 'train',
      displayName: 'train',
      kind: 'container',
      state: 'SUCCEEDED',
      cached: false,
      attempts: 1,
      inputs: { parameters: { epochs: 3 }, artifacts: {} },
      outputs: { parameters: { loss: 0.25 }, artifacts: { model: [artifact] } },
      containerId: 'c0ffee',
      createdAt: at(2),
      startedAt: at(3),
      finishedAt: at(20),
    });
    this.#setState(runId, 'SUCCEEDED', at(1), at(30));
  }

  terminate(runId: string): void {
    this.calls.push({ method: 'terminate', runId });
    this.#setState(runId, 'CANCELED', undefined, new Date().toISOString());
  }

  retry(runId: string): void {
    this.calls.push({ method: 'retry', runId });
    const state = this.db
      .prepare<[string], { state: string }>('SELECT state FROM runs WHERE run_id = ?')
      .get(runId)?.state;
    if (state !== 'FAILED' && state !== 'CANCELED') {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `Run "${runId}" is ${state}; only FAILED or CANCELED runs can be retried.`,
      );
    }
    this.#setState(runId, 'SUCCEEDED', undefined, new Date().toISOString());
  }

  #setState(
    runId: string,
    state: string,
    startedAt: string | undefined,
    finishedAt: string | undefined,
  ): void {
    this.db
      .prepare(
        'UPDATE runs SET state = ?, started_at = COALESCE(?, started_at), finished_at = ? WHERE run_id = ?',
      )
      .run(state, startedAt ?? null, finishedAt ?? null, runId);
  }
}

export interface KfpTestEngine {
  url: string;
  token: string;
  db: SqliteDatabase;
  launcher: RecordingLauncher;
  stop(): Promise<void>;
}

const unavailable = (): Promise<never> =>
  Promise.reject(new SkiffError('UNAVAILABLE', 'not in this test'));

/** The engine's HTTP server, in process, on a free port, with the KFP routes and a RecordingLauncher. */
export async function startKfpTestEngine(): Promise<KfpTestEngine> {
  const root = mkdtempSync(join(tmpdir(), 'skiff-kfp-'));
  const home = ensureHome(root);
  const store = await openStore(home);
  const engine: Engine = createEngine(
    { home, version: '0.0.0-test' },
    {
      docker: { info: unavailable },
      exec: { which: () => Promise.resolve(undefined), run: unavailable },
      kube: { serverVersion: unavailable },
      store,
      clock: systemClock,
      ids: randomIds,
      logger: silentLogger,
    },
  );
  const tasks = new TaskRepository(store.db);
  const launcher = new RecordingLauncher(store.db, tasks);
  const token = randomIds.secret(32);
  const server: ApiServer = await startApiServer({
    engine,
    token,
    host: '127.0.0.1',
    port: 0,
    kfp: { launcher, tasks },
  });
  return {
    url: server.url,
    token,
    db: store.db,
    launcher,
    stop: async () => {
      await server.close();
      await engine.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
