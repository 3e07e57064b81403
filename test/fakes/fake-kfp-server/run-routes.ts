/**
 * Runs: create from a pipeline version reference or an inline pipeline_spec, get, list
 * (by experiment or namespace), terminate, archive/unarchive and delete. A run lives in
 * its experiment's namespace; the state comes from run-lifecycle.
 */
import { randomUUID } from 'node:crypto';
import { authorize, requireNamespace, type Caller } from './caller-access.js';
import { defaultExperiment, getExperiment } from './experiment-routes.js';
import { timestamp, type FakeState, type RunRecord } from './fake-state.js';
import { invalid, KfpError, notFound } from './kfp-error.js';
import { objectField, stringField, type JsonObject, text } from './json-object.js';
import { listPage, type ListFields } from './list-page.js';
import { getVersion } from './pipeline-routes.js';
import { API, type RouteContext, type Routes } from './route-context.js';
import { currentState, isFinal, runView } from './run-lifecycle.js';

const FIELDS: ListFields = {
  created_at: (r) => String(r.created_at),
  name: (r) => String(r.display_name),
  display_name: (r) => String(r.display_name),
  run_id: (r) => String(r.run_id),
  state: (r) => String(r.state),
  storage_state: (r) => String(r.storage_state),
  experiment_id: (r) => String(r.experiment_id),
};

/** Where a run or recurring run comes from; checks the version exists and may be read. */
export function pipelineSource(context: RouteContext, body: unknown): JsonObject {
  const reference = objectField(body, 'pipeline_version_reference');
  const spec = objectField(body, 'pipeline_spec');
  if (reference) {
    const pipelineId = stringField(reference, 'pipeline_id') ?? '';
    const versionId = stringField(reference, 'pipeline_version_id');
    if (!versionId) throw invalid('pipeline_version_reference needs a pipeline_version_id');
    getVersion(context.state, context.caller, pipelineId, versionId);
    return {
      pipeline_version_reference: { pipeline_id: pipelineId, pipeline_version_id: versionId },
    };
  }
  if (spec) return { pipeline_spec: spec };
  throw invalid('a run needs either pipeline_version_reference or pipeline_spec');
}

/** The experiment a create names (or single-user Default), authorized for the caller. */
export function targetExperiment(context: RouteContext, body: unknown): JsonObject {
  const { state, caller } = context;
  const id = stringField(body, 'experiment_id') ?? context.query.get('experiment_id') ?? undefined;
  if (id) {
    const experiment = getExperiment(state, caller, id);
    authorize(caller, text(experiment, 'namespace'), 'create runs in', `experiment ${id}`);
    return experiment;
  }
  if (state.options.multiUser) throw invalid('a run must name an experiment_id in multi-user mode');
  return defaultExperiment(state);
}

function getRun(state: FakeState, caller: Caller, id: string): RunRecord {
  const run = state.runs.get(id);
  if (!run) throw notFound('Run', id);
  authorize(caller, run.namespace, 'get', `run ${id}`);
  return run;
}

const view = (state: FakeState, run: RunRecord): JsonObject =>
  runView(run, state.options.runTimeline, state.now());

export const runRoutes: Routes = {
  [`POST ${API}/runs`]: (context) => {
    const { state, body } = context;
    const displayName = stringField(body, 'display_name');
    if (!displayName) throw invalid('a run needs a display_name');
    const source = pipelineSource(context, body);
    const experiment = targetExperiment(context, body);
    const createdMs = state.now();
    const runtimeConfig = objectField(body, 'runtime_config');
    const record: RunRecord = {
      namespace: text(experiment, 'namespace'),
      createdMs,
      body: {
        run_id: randomUUID(),
        display_name: displayName,
        experiment_id: experiment.experiment_id,
        storage_state: 'AVAILABLE',
        ...(stringField(body, 'description')
          ? { description: stringField(body, 'description') }
          : {}),
        ...source,
        ...(runtimeConfig ? { runtime_config: runtimeConfig } : {}),
        ...(stringField(body, 'service_account')
          ? { service_account: stringField(body, 'service_account') }
          : {}),
        created_at: timestamp(createdMs),
        scheduled_at: timestamp(createdMs),
      },
    };
    state.runs.set(String(record.body.run_id), record);
    experiment.last_run_created_at = timestamp(createdMs);
    return view(state, record);
  },
  [`GET ${API}/runs`]: ({ state, caller, query }) => {
    const experimentId = query.get('experiment_id');
    let runs = [...state.runs.values()];
    if (experimentId) {
      getExperiment(state, caller, experimentId);
      runs = runs.filter((r) => r.body.experiment_id === experimentId);
    } else {
      const namespace = requireNamespace(
        state.options,
        caller,
        query.get('namespace') ?? undefined,
        'ListRuns',
      );
      runs = runs.filter((r) => !state.options.multiUser || r.namespace === namespace);
    }
    const { items, extra } = listPage(
      runs.map((r) => view(state, r)),
      query,
      FIELDS,
    );
    return { ...(items.length ? { runs: items } : {}), ...extra };
  },
  [`GET ${API}/runs/{run_id}`]: ({ state, caller, params }) =>
    view(state, getRun(state, caller, params.run_id ?? '')),
  [`DELETE ${API}/runs/{run_id}`]: ({ state, caller, params }) => {
    getRun(state, caller, params.run_id ?? '');
    state.runs.delete(params.run_id ?? '');
    return {};
  },
  [`POST ${API}/runs/{run_id}:terminate`]: ({ state, caller, params }) => {
    const run = getRun(state, caller, params.run_id ?? '');
    const now = currentState(run, state.options.runTimeline, state.now());
    if (isFinal(now))
      throw new KfpError(
        400,
        `Failed precondition: run ${params.run_id ?? ''} already ended (${now}); only a pending or running run can be terminated`,
      );
    run.forcedState = 'CANCELED';
    run.forcedAtMs = state.now();
    return {};
  },
  [`POST ${API}/runs/{run_id}:archive`]: ({ state, caller, params }) => {
    getRun(state, caller, params.run_id ?? '').body.storage_state = 'ARCHIVED';
    return {};
  },
  [`POST ${API}/runs/{run_id}:unarchive`]: ({ state, caller, params }) => {
    getRun(state, caller, params.run_id ?? '').body.storage_state = 'AVAILABLE';
    return {};
  },
};
