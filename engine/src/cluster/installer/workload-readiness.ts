import type { KubeObject } from '../platform/index.js';

/** Whether a workload or CRD is ready, and a short account a person can read. */
export interface Readiness {
  ready: boolean;
  detail: string;
  readyReplicas: number;
  desiredReplicas: number;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
const count = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * Readiness as `kubectl rollout status` judges it: the controller has seen the current
 * generation, and enough replicas are available (Deployment), ready (StatefulSet) or
 * available on every scheduled node (DaemonSet; none desired counts as ready).
 */
export function workloadReadiness(object: KubeObject): Readiness {
  const spec = record(object['spec']);
  const status = record(object['status']);
  const generation = count(object.metadata['generation']);
  const observed = count(status['observedGeneration']);
  const current = observed >= generation;
  if (object.kind === 'DaemonSet') {
    const desired = count(status['desiredNumberScheduled']);
    const available = count(status['numberAvailable']);
    return {
      ready: current && available >= desired,
      detail: `${available}/${desired} pods available`,
      readyReplicas: available,
      desiredReplicas: desired,
    };
  }
  const desired = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
  const ready =
    object.kind === 'Deployment'
      ? count(status['availableReplicas'])
      : count(status['readyReplicas']);
  const updated = object.kind === 'Deployment' ? count(status['updatedReplicas']) >= desired : true;
  return {
    ready: current && updated && ready >= desired,
    detail: `${ready}/${desired} replicas ${object.kind === 'Deployment' ? 'available' : 'ready'}${current ? '' : ' (rollout not yet observed)'}`,
    readyReplicas: ready,
    desiredReplicas: desired,
  };
}

/** A CRD is usable once the API server says Established. */
export function crdEstablished(object: KubeObject): boolean {
  const conditions = record(object['status'])['conditions'];
  return (
    Array.isArray(conditions) &&
    conditions.some((c) => record(c)['type'] === 'Established' && record(c)['status'] === 'True')
  );
}
