import { SkiffError, invalidArgument } from '../../../core/errors.js';
import type { ProtoValue } from '../../../pipelines/ir/pipeline-spec.js';
import { parseTrigger } from '../../../pipelines/recurring/recurring-trigger.js';
import type {
  RecurringRunMode,
  RecurringRunRecord,
} from '../../../pipelines/store/recurring-run-repository.js';
import { runSource } from './create-run.js';
import type { KfpContext } from './kfp-context.js';
import { optionalObject, optionalString, type JsonObject } from './request-fields.js';
import { experimentForRun } from './run-experiment.js';
import { checkRuntimeParameters } from './runtime-parameters.js';

const MODES: readonly string[] = ['ENABLE', 'DISABLE', 'MODE_UNSPECIFIED'];

/**
 * CreateRecurringRun: checks the whole body first (source, parameters, trigger, limits),
 * then stores the recurring run with a copy of its pipeline. Bad input stores nothing.
 */
export function createRecurringRun(ctx: KfpContext, body: JsonObject): RecurringRunRecord {
  const displayName = optionalString(body, 'display_name')?.trim();
  if (!displayName) throw invalidArgument('display_name', 'is required; name the recurring run');
  const source = runSource(ctx, body);
  const runtimeConfig = optionalObject(body, 'runtime_config') ?? {};
  const parameters = (optionalObject(runtimeConfig, 'parameters', 'runtime_config.') ??
    {}) as Record<string, ProtoValue>;
  const pipelineRoot = optionalString(runtimeConfig, 'pipeline_root', 'runtime_config.');
  checkRuntimeParameters(source.package.pipelineSpec, parameters);
  const trigger = parseTrigger(body.trigger, 'trigger');
  const maxConcurrency = concurrency(body.max_concurrency);
  const noCatchup = flag(body.no_catchup, 'no_catchup');
  const mode = modeOf(body.mode);

  const recurringRunId = ctx.ids.next();
  const now = ctx.now();
  ctx.transaction(() => {
    const experiment = experimentForRun(ctx, optionalString(body, 'experiment_id'), '');
    ctx.recurringRuns.insert({
      recurringRunId,
      displayName,
      description: optionalString(body, 'description') ?? '',
      experimentId: experiment.experimentId,
      ...(source.pipelineId ? { pipelineId: source.pipelineId } : {}),
      ...(source.pipelineVersionId ? { pipelineVersionId: source.pipelineVersionId } : {}),
      package: source.package,
      runtimeConfig: { parameters, ...(pipelineRoot ? { pipeline_root: pipelineRoot } : {}) },
      serviceAccount: optionalString(body, 'service_account') ?? '',
      trigger: trigger.json,
      maxConcurrency,
      noCatchup,
      mode,
      namespace: experiment.namespace,
      createdAt: now,
      updatedAt: now,
    });
  });
  const stored = ctx.recurringRuns.get(recurringRunId);
  if (!stored) {
    throw new SkiffError(
      'INTERNAL',
      `Recurring run "${recurringRunId}" disappeared as it was made.`,
    );
  }
  return stored;
}

/** KFP writes int64 as a string; the SDK sends a number. Absent means 1. */
function concurrency(value: unknown): number {
  if (value === undefined || value === null || value === '') return 1;
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 10) {
    throw invalidArgument(
      'max_concurrency',
      `${JSON.stringify(value)} is not a whole number from 1 to 10 (how many of its runs may be unfinished at once)`,
    );
  }
  return number;
}

function flag(value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw invalidArgument(field, 'must be true or false');
  return value;
}

/** Unspecified means enabled: a schedule someone just made should run. */
function modeOf(value: unknown): RecurringRunMode {
  if (value === undefined || value === null || value === '') return 'ENABLE';
  if (typeof value !== 'string' || !MODES.includes(value)) {
    throw invalidArgument('mode', `${JSON.stringify(value)} is not ENABLE or DISABLE`);
  }
  return value === 'DISABLE' ? 'DISABLE' : 'ENABLE';
}
