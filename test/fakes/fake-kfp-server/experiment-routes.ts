/**
 * Experiments: create (namespace required and checked in multi-user mode), get, list,
 * archive/unarchive and delete. Single-user KFP keeps a "Default" experiment for runs
 * that name none.
 */
import { randomUUID } from 'node:crypto';
import { authorize, requireNamespace, type Caller } from './caller-access.js';
import { timestamp, type FakeState } from './fake-state.js';
import { invalid, KfpError, notFound } from './kfp-error.js';
import { stringField, type JsonObject, text } from './json-object.js';
import { listPage, type ListFields } from './list-page.js';
import { API, type Routes } from './route-context.js';

const FIELDS: ListFields = {
  created_at: (e) => String(e.created_at),
  name: (e) => String(e.display_name),
  display_name: (e) => String(e.display_name),
  experiment_id: (e) => String(e.experiment_id),
  storage_state: (e) => String(e.storage_state),
};

export function getExperiment(state: FakeState, caller: Caller, id: string): JsonObject {
  const experiment = state.experiments.get(id);
  if (!experiment) throw notFound('Experiment', id);
  authorize(caller, text(experiment, 'namespace'), 'get', `experiment ${id}`);
  return experiment;
}

export function addExperiment(
  state: FakeState,
  name: string,
  namespace: string,
  description?: string,
): JsonObject {
  for (const other of state.experiments.values()) {
    if (other.display_name === name && text(other, 'namespace') === namespace) {
      throw new KfpError(
        409,
        `Already exists: an experiment named "${name}" already exists in namespace "${namespace}"`,
      );
    }
  }
  const experiment: JsonObject = {
    experiment_id: randomUUID(),
    display_name: name,
    created_at: timestamp(state.now()),
    storage_state: 'AVAILABLE',
    ...(description ? { description } : {}),
    ...(namespace ? { namespace } : {}),
  };
  state.experiments.set(String(experiment.experiment_id), experiment);
  return experiment;
}

/** The single-user "Default" experiment, made on first use as KFP does. */
export function defaultExperiment(state: FakeState): JsonObject {
  const found = [...state.experiments.values()].find(
    (e) => e.display_name === 'Default' && !e.namespace,
  );
  return (
    found ??
    addExperiment(
      state,
      'Default',
      '',
      'All runs created without specifying an experiment will be grouped here.',
    )
  );
}

function setStorage(state: FakeState, caller: Caller, id: string, storage: string): JsonObject {
  const experiment = getExperiment(state, caller, id);
  experiment.storage_state = storage;
  return {};
}

export const experimentRoutes: Routes = {
  [`POST ${API}/experiments`]: ({ state, caller, body }) => {
    const name = stringField(body, 'display_name');
    if (!name) throw invalid('an experiment needs a display_name');
    const namespace = requireNamespace(
      state.options,
      caller,
      stringField(body, 'namespace'),
      'CreateExperiment',
    );
    return addExperiment(state, name, namespace, stringField(body, 'description'));
  },
  [`GET ${API}/experiments`]: ({ state, caller, query }) => {
    const namespace = requireNamespace(
      state.options,
      caller,
      query.get('namespace') ?? undefined,
      'ListExperiments',
    );
    const mine = [...state.experiments.values()].filter((e) => text(e, 'namespace') === namespace);
    const { items, extra } = listPage(mine, query, FIELDS);
    return { ...(items.length ? { experiments: items } : {}), ...extra };
  },
  [`GET ${API}/experiments/{experiment_id}`]: ({ state, caller, params }) =>
    getExperiment(state, caller, params.experiment_id ?? ''),
  [`DELETE ${API}/experiments/{experiment_id}`]: ({ state, caller, params }) => {
    const id = params.experiment_id ?? '';
    getExperiment(state, caller, id);
    state.experiments.delete(id);
    return {};
  },
  [`POST ${API}/experiments/{experiment_id}:archive`]: ({ state, caller, params }) =>
    setStorage(state, caller, params.experiment_id ?? '', 'ARCHIVED'),
  [`POST ${API}/experiments/{experiment_id}:unarchive`]: ({ state, caller, params }) =>
    setStorage(state, caller, params.experiment_id ?? '', 'AVAILABLE'),
};
