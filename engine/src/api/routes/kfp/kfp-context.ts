import type { Clock, IdGenerator } from '../../../core/ports.js';
import type { RunLauncher } from '../../../pipelines/runs/run-launcher.js';
import type { TaskRepository } from '../../../pipelines/runs/task-repository.js';
import { ArtifactMetadataIds } from '../../../pipelines/store/artifact-metadata-ids.js';
import { ExperimentRepository } from '../../../pipelines/store/experiment-repository.js';
import { PipelineRepository } from '../../../pipelines/store/pipeline-repository.js';
import { PipelineVersionRepository } from '../../../pipelines/store/pipeline-version-repository.js';
import { RecurringRunRepository } from '../../../pipelines/store/recurring-run-repository.js';
import { RunRepository } from '../../../pipelines/store/run-repository.js';
import type { SqliteDatabase } from '../../../store/database.js';

export interface KfpDeps {
  db: SqliteDatabase;
  launcher: RunLauncher;
  tasks: TaskRepository;
  clock: Clock;
  ids: IdGenerator;
  /** The recurring run scheduler, told to look again when a recurring run changes. */
  recurring?: { wake(): void };
}

/** What the KFP route handlers share: the ports and a repository per table. */
export interface KfpContext extends KfpDeps {
  pipelines: PipelineRepository;
  versions: PipelineVersionRepository;
  experiments: ExperimentRepository;
  runs: RunRepository;
  recurringRuns: RecurringRunRepository;
  artifactIds: ArtifactMetadataIds;
  /** The current time as the API writes it. */
  now(): string;
  /** Runs `work` in one SQLite transaction: all of it is stored, or none. */
  transaction<T>(work: () => T): T;
}

export function createKfpContext(deps: KfpDeps): KfpContext {
  return {
    ...deps,
    pipelines: new PipelineRepository(deps.db),
    versions: new PipelineVersionRepository(deps.db),
    experiments: new ExperimentRepository(deps.db),
    runs: new RunRepository(deps.db),
    recurringRuns: new RecurringRunRepository(deps.db),
    artifactIds: new ArtifactMetadataIds(deps.db),
    now: () => deps.clock.now().toISOString(),
    transaction: (work) => deps.db.transaction(work)(),
  };
}
