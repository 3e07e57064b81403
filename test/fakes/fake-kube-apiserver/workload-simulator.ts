import { isObject, text, type JsonObject, type StoredObject } from './json-object.js';
import type { ObjectStore } from './object-store.js';
import type { ResourceType } from './resource-table.js';

/** How a workload marked "never ready" fails, as a user would see it in `kubectl describe`. */
export type NeverReadyReason = 'CrashLoopBackOff' | 'Unschedulable';

const POD: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  namespaced: true,
};
const EVENT: ResourceType = { ...POD, kind: 'Event', plural: 'events' };

/**
 * Stands in for the controllers: a Deployment, StatefulSet or DaemonSet gets one Pod and
 * a status. Ready workloads get a Running pod and Available status; "never ready" ones a
 * failing pod, Warning events and log lines, and a status that never becomes Available.
 */
export class WorkloadSimulator {
  private readonly logs = new Map<string, string[]>();
  private eventCount = 0;

  constructor(private readonly store: ObjectStore) {}

  podLog(namespace: string, pod: string): string[] | undefined {
    return this.logs.get(`${namespace}/${pod}`);
  }

  reconcile(type: ResourceType, workload: StoredObject, neverReady?: NeverReadyReason): void {
    const namespace = workload.metadata.namespace ?? 'default';
    const podName = `${workload.metadata.name}-0`;
    const spec = isObject(workload.spec) ? workload.spec : {};
    const template = isObject(spec.template) ? spec.template : {};
    const podSpec = isObject(template.spec) ? template.spec : {};
    const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
    const container = isObject(containers[0]) ? text(containers[0].name, 'main') : 'main';
    const labels = isObject(template.metadata) ? template.metadata.labels : undefined;
    const ready = neverReady === undefined;
    const waiting =
      neverReady === 'CrashLoopBackOff'
        ? {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off 40s restarting failed container=${container}`,
            },
          }
        : { waiting: { reason: 'ContainerCreating' } };
    this.store.put(POD, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: podName,
        namespace,
        labels: isObject(labels) ? labels : {},
        ownerReferences: [
          { apiVersion: workload.apiVersion, kind: workload.kind, name: workload.metadata.name },
        ],
      },
      spec: podSpec,
      status: {
        phase: ready || neverReady === 'CrashLoopBackOff' ? 'Running' : 'Pending',
        containerStatuses: [
          {
            name: container,
            ready,
            restartCount: neverReady === 'CrashLoopBackOff' ? 4 : 0,
            state: ready ? { running: { startedAt: new Date().toISOString() } } : waiting,
          },
        ],
      },
    });
    this.logs.set(`${namespace}/${podName}`, podLogLines(workload.metadata.name, neverReady));
    if (neverReady === 'CrashLoopBackOff') {
      this.event(
        namespace,
        podName,
        'BackOff',
        `Back-off restarting failed container ${container} in pod ${podName}`,
      );
    } else if (neverReady === 'Unschedulable') {
      this.event(
        namespace,
        podName,
        'FailedScheduling',
        '0/1 nodes are available: 1 Insufficient memory.',
      );
    }
    const current = this.store.get(type, namespace, workload.metadata.name);
    if (current) this.store.put(type, { ...current, status: workloadStatus(current, ready) });
  }

  private event(namespace: string, pod: string, reason: string, message: string): void {
    const now = new Date().toISOString();
    this.store.put(EVENT, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${pod}.${++this.eventCount}`, namespace },
      involvedObject: { kind: 'Pod', namespace, name: pod, apiVersion: 'v1' },
      reason,
      message,
      type: 'Warning',
      count: 5,
      firstTimestamp: now,
      lastTimestamp: now,
    });
  }
}

function podLogLines(name: string, neverReady: NeverReadyReason | undefined): string[] {
  if (neverReady === 'Unschedulable') return [];
  if (neverReady === 'CrashLoopBackOff') {
    return [
      `starting ${name}`,
      'connecting to mysql.kubeflow.svc:3306',
      'error: dial tcp 10.96.0.12:3306: connect: connection refused',
      'exiting with status 1',
    ];
  }
  return [`starting ${name}`, 'listening on :8080'];
}

function workloadStatus(workload: StoredObject, ready: boolean): JsonObject {
  const spec = isObject(workload.spec) ? workload.spec : {};
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  const generation = workload.metadata.generation ?? 1;
  const up = ready ? replicas : 0;
  if (workload.kind === 'DaemonSet') {
    return {
      observedGeneration: generation,
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      updatedNumberScheduled: 1,
      numberReady: ready ? 1 : 0,
      numberAvailable: ready ? 1 : 0,
      ...(ready ? {} : { numberUnavailable: 1 }),
    };
  }
  const status: JsonObject = {
    observedGeneration: generation,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: up,
    availableReplicas: up,
    currentReplicas: replicas,
  };
  if (workload.kind === 'Deployment') {
    if (!ready) status.unavailableReplicas = replicas;
    status.conditions = [
      ready
        ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' }
        : {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
    ];
  }
  return status;
}
