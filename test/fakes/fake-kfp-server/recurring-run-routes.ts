/**
 * Recurring runs: create with a cron trigger (6 fields, seconds first, as KFP's
 * ScheduledWorkflow reads it) or an interval, get, list, enable, disable and delete.
 * The fake validates and stores schedules; it does not fire them.
 */
import { randomUUID } from 'node:crypto';
import { authorize, requireNamespace, type Caller } from './caller-access.js';
import { timestamp, type FakeState } from './fake-state.js';
import { invalid, notFound } from './kfp-error.js';
import { objectField, stringField, type JsonObject, text } from './json-object.js';
import { listPage, type ListFields } from './list-page.js';
import { API, type Routes } from './route-context.js';
import { pipelineSource, targetExperiment } from './run-routes.js';

const FIELDS: ListFields = {
  created_at: (r) => String(r.created_at),
  name: (r) => String(r.display_name),
  display_name: (r) => String(r.display_name),
  recurring_run_id: (r) => String(r.recurring_run_id),
};
const CRON_FIELD =
  /^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?)*$/;

function checkTrigger(trigger: JsonObject | undefined): JsonObject {
  const cron = objectField(trigger, 'cron_schedule');
  const periodic = objectField(trigger, 'periodic_schedule');
  if (cron) {
    const expression = stringField(cron, 'cron') ?? '';
    const fields = expression.trim().split(/\s+/);
    if (fields.length !== 6 || !fields.every((f) => CRON_FIELD.test(f))) {
      throw invalid(
        `cron "${expression}" must have 6 fields (second minute hour day-of-month month day-of-week), e.g. "0 0 * * * *"`,
      );
    }
    return { cron_schedule: cron };
  }
  if (periodic) {
    const interval = Number(periodic.interval_second ?? 0);
    if (!Number.isInteger(interval) || interval <= 0) {
      throw invalid('periodic_schedule.interval_second must be a positive number of seconds');
    }
    return { periodic_schedule: periodic };
  }
  throw invalid('a recurring run needs a trigger with cron_schedule or periodic_schedule');
}

function getRecurring(state: FakeState, caller: Caller, id: string): JsonObject {
  const found = state.recurringRuns.get(id);
  if (!found) throw notFound('RecurringRun', id);
  authorize(caller, text(found, 'namespace'), 'get', `recurring run ${id}`);
  return found;
}

function setStatus(state: FakeState, caller: Caller, id: string, status: string): JsonObject {
  const found = getRecurring(state, caller, id);
  found.status = status;
  found.mode = status === 'ENABLED' ? 'ENABLE' : 'DISABLE';
  found.updated_at = timestamp(state.now());
  return {};
}

export const recurringRunRoutes: Routes = {
  [`POST ${API}/recurringruns`]: (context) => {
    const { state, body } = context;
    const displayName = stringField(body, 'display_name');
    if (!displayName) throw invalid('a recurring run needs a display_name');
    const trigger = checkTrigger(objectField(body, 'trigger'));
    const source = pipelineSource(context, body);
    const experiment = targetExperiment(context, body);
    const now = timestamp(state.now());
    const mode = stringField(body, 'mode') === 'DISABLE' ? 'DISABLE' : 'ENABLE';
    const runtimeConfig = objectField(body, 'runtime_config');
    const recurring: JsonObject = {
      recurring_run_id: randomUUID(),
      display_name: displayName,
      ...source,
      ...(runtimeConfig ? { runtime_config: runtimeConfig } : {}),
      trigger,
      max_concurrency: stringField(body, 'max_concurrency') ?? '1',
      mode,
      status: mode === 'ENABLE' ? 'ENABLED' : 'DISABLED',
      created_at: now,
      updated_at: now,
      experiment_id: experiment.experiment_id,
      ...(experiment.namespace ? { namespace: experiment.namespace } : {}),
    };
    state.recurringRuns.set(String(recurring.recurring_run_id), recurring);
    return recurring;
  },
  [`GET ${API}/recurringruns`]: ({ state, caller, query }) => {
    const experimentId = query.get('experiment_id');
    let all = [...state.recurringRuns.values()];
    if (experimentId) all = all.filter((r) => r.experiment_id === experimentId);
    else {
      const namespace = requireNamespace(
        state.options,
        caller,
        query.get('namespace') ?? undefined,
        'ListRecurringRuns',
      );
      all = all.filter((r) => !state.options.multiUser || r.namespace === namespace);
    }
    const { items, extra } = listPage(all, query, FIELDS);
    return { ...(items.length ? { recurringRuns: items } : {}), ...extra };
  },
  [`GET ${API}/recurringruns/{recurring_run_id}`]: ({ state, caller, params }) =>
    getRecurring(state, caller, params.recurring_run_id ?? ''),
  [`DELETE ${API}/recurringruns/{recurring_run_id}`]: ({ state, caller, params }) => {
    getRecurring(state, caller, params.recurring_run_id ?? '');
    state.recurringRuns.delete(params.recurring_run_id ?? '');
    return {};
  },
  [`POST ${API}/recurringruns/{recurring_run_id}:enable`]: ({ state, caller, params }) =>
    setStatus(state, caller, params.recurring_run_id ?? '', 'ENABLED'),
  [`POST ${API}/recurringruns/{recurring_run_id}:disable`]: ({ state, caller, params }) =>
    setStatus(state, caller, params.recurring_run_id ?? '', 'DISABLED'),
};
