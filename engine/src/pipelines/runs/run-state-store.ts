import { SkiffError, notFound } from '../../core/errors.js';
import type { SqliteDatabase } from '../../store/database.js';
import type { PipelineSpec, PlatformSpec, ProtoValue } from '../ir/pipeline-spec.js';
import type { ExecutorKind } from '../../executors/container-executor.js';
import type { RuntimeState } from '../scheduler/run-model.js';

/** What the launcher needs of a stored run to execute it. */
export interface ExecutableRun {
  runId: string;
  displayName: string;
  spec: PipelineSpec;
  platformSpec?: PlatformSpec;
  parameters: Record<string, ProtoValue>;
  cacheEnabled: boolean;
  state: RuntimeState;
  createdAt: string;
}

interface RunRow {
  run_id: string;
  display_name: string;
  pipeline_spec: string;
  platform_spec: string | null;
  runtime_config: string;
  cache_enabled: number;
  state: RuntimeState;
  created_at: string;
}

const UNFINISHED: RuntimeState[] = ['PENDING', 'RUNNING', 'CANCELING', 'PAUSED'];

/** The launcher's view of the `runs` table: load a run, move its state. */
export class RunStateStore {
  readonly #load;
  readonly #state;
  readonly #unfinished;

  constructor(private readonly db: SqliteDatabase) {
    this.#load = db.prepare<[string], RunRow>(
      'SELECT run_id, display_name, pipeline_spec, platform_spec, runtime_config, cache_enabled, state, created_at FROM runs WHERE run_id = ?',
    );
    this.#state = db.prepare<
      [RuntimeState, string | null, string | null, string | null, string | null, string]
    >(
      `UPDATE runs SET state = ?, error = ?, executor = COALESCE(?, executor),
       started_at = COALESCE(?, started_at), finished_at = ? WHERE run_id = ?`,
    );
    this.#unfinished = db.prepare<[], { run_id: string; executor: string | null }>(
      `SELECT run_id, executor FROM runs WHERE state IN (${UNFINISHED.map((state) => `'${state}'`).join(', ')})`,
    );
  }

  load(runId: string): ExecutableRun {
    const row = this.#load.get(runId);
    if (!row) throw notFound('Run', runId);
    const spec = unwrapSpec(JSON.parse(row.pipeline_spec) as unknown, runId);
    const config = JSON.parse(row.runtime_config || '{}') as {
      parameters?: Record<string, ProtoValue>;
    };
    const run: ExecutableRun = {
      runId: row.run_id,
      displayName: row.display_name,
      spec: spec.pipelineSpec,
      parameters: config.parameters ?? {},
      cacheEnabled: row.cache_enabled === 1,
      state: row.state,
      createdAt: row.created_at,
    };
    const platform = row.platform_spec
      ? (JSON.parse(row.platform_spec) as PlatformSpec)
      : spec.platformSpec;
    if (platform) run.platformSpec = platform;
    return run;
  }

  setState(
    runId: string,
    state: RuntimeState,
    changes: {
      error?: { code: string; message: string };
      executor?: string;
      startedAt?: string;
      finishedAt?: string;
    } = {},
  ): void {
    this.#state.run(
      state,
      changes.error ? JSON.stringify(changes.error) : null,
      changes.executor ?? null,
      changes.startedAt ?? null,
      changes.finishedAt ?? null,
      runId,
    );
  }

  /** Runs a crash left unfinished, with the executor they were running on. */
  listUnfinished(): { runId: string; executor?: ExecutorKind }[] {
    return this.#unfinished
      .all()
      .map((r) =>
        r.executor === 'docker' || r.executor === 'process'
          ? { runId: r.run_id, executor: r.executor }
          : { runId: r.run_id },
      );
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}

/** Runs store the spec as a PipelineSpec object, or KFP's `{pipeline_spec, platform_spec}` struct. */
function unwrapSpec(
  value: unknown,
  runId: string,
): { pipelineSpec: PipelineSpec; platformSpec?: PlatformSpec } {
  if (typeof value !== 'object' || value === null) {
    throw new SkiffError('INTERNAL', `Run "${runId}" has no pipeline spec stored.`);
  }
  if ('pipeline_spec' in value) {
    const struct = value as { pipeline_spec: PipelineSpec; platform_spec?: PlatformSpec };
    return struct.platform_spec
      ? { pipelineSpec: struct.pipeline_spec, platformSpec: struct.platform_spec }
      : { pipelineSpec: struct.pipeline_spec };
  }
  return { pipelineSpec: value as PipelineSpec };
}
