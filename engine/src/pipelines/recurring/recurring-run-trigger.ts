import { toSkiffError } from '../../core/errors.js';
import type { Clock, IdGenerator, Logger } from '../../core/ports.js';
import type { SqliteDatabase } from '../../store/database.js';
import type { RunLauncher } from '../runs/run-launcher.js';
import type { ExperimentRepository } from '../store/experiment-repository.js';
import type {
  RecurringRunRecord,
  RecurringRunRepository,
} from '../store/recurring-run-repository.js';
import type { RunRepository } from '../store/run-repository.js';

export interface RecurringRunTriggerDeps {
  db: SqliteDatabase;
  runs: RunRepository;
  experiments: ExperimentRepository;
  recurringRuns: RecurringRunRepository;
  launcher: RunLauncher;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}

/** Stores one run of a recurring run for one scheduled time, and starts it. */
export type TriggerRun = (recurring: RecurringRunRecord, scheduledAt: Date) => string;

/** `<name>-<yyyyMMddHHmmss>` of the scheduled time in UTC, as KFP names scheduled runs. */
export function triggeredRunName(displayName: string, scheduledAt: Date): string {
  return `${displayName}-${scheduledAt.toISOString().replace(/\D/g, '').slice(0, 14)}`;
}

/**
 * The run and the recurring run's last_triggered_at are written in one transaction, so a
 * restart neither loses nor repeats a scheduled time. A launch that fails at once leaves
 * the run FAILED with the reason (the time still counts as triggered).
 */
export function createRecurringRunTrigger(deps: RecurringRunTriggerDeps): TriggerRun {
  return (recurring, scheduledAt) => {
    const runId = deps.ids.next();
    const createdAt = deps.clock.now().toISOString();
    const experimentId =
      recurring.experimentId && deps.experiments.get(recurring.experimentId)
        ? recurring.experimentId
        : undefined;
    deps.db.transaction(() => {
      deps.runs.insert({
        runId,
        displayName: triggeredRunName(recurring.displayName, scheduledAt),
        description: recurring.description,
        ...(experimentId ? { experimentId } : {}),
        ...(recurring.pipelineId ? { pipelineId: recurring.pipelineId } : {}),
        ...(recurring.pipelineVersionId ? { pipelineVersionId: recurring.pipelineVersionId } : {}),
        package: recurring.package,
        runtimeConfig: recurring.runtimeConfig,
        namespace: recurring.namespace,
        serviceAccount: recurring.serviceAccount,
        createdAt,
        scheduledAt: scheduledAt.toISOString(),
      });
      deps.recurringRuns.recordTrigger(recurring.recurringRunId, runId, scheduledAt.toISOString());
      if (experimentId) deps.experiments.touchLastRun(experimentId, createdAt);
    })();
    try {
      deps.launcher.start(runId);
    } catch (error) {
      const failure = toSkiffError(error);
      deps.runs.markFailed(
        runId,
        { code: failure.code, message: failure.message },
        deps.clock.now().toISOString(),
      );
      deps.logger.log('warn', `Recurring run "${recurring.displayName}" could not start a run`, {
        recurringRunId: recurring.recurringRunId,
        runId,
        error: failure.message,
      });
    }
    return runId;
  };
}
