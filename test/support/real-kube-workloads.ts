import type { KubeApiHarnessOptions } from './kube-api-harness.js';
import { finalizeNamespaces, NODE_NAME } from './real-kube-node.js';

/**
 * Stands in for the controllers a real API server runs without here (no controller manager,
 * no kubelet), as the fake's workload simulator does: each Deployment, StatefulSet or
 * DaemonSet whose status lags its generation gets, after options.readyDelayMs, an Available
 * status — or, when listed in options.neverReady, a failing Pod, a Warning event and a
 * status that never becomes Available. Only status subresources and plain objects are
 * written, through the real API, so validation stays Kubernetes' own.
 */
export type Call = (
  method: string,
  path: string,
  body?: unknown,
  accept?: string,
) => Promise<{ status: number; text: string }>;

type NeverReadyReason = NonNullable<
  NonNullable<KubeApiHarnessOptions['neverReady']>[number]['reason']
>;

interface Workload {
  metadata: { name: string; namespace: string; generation?: number };
  spec?: { replicas?: number; template?: { metadata?: object; spec?: object } };
  status?: { observedGeneration?: number };
}

const PLURALS = ['deployments', 'statefulsets', 'daemonsets'];
/** 'Deployment', 'deployments' and 'deployment' all name the same resource. */
const plural = (kind: string): string => `${kind.toLowerCase().replace(/s$/, '')}s`;
const key = (kind: string, namespace: string, name: string): string =>
  `${plural(kind)}/${namespace}/${name}`;

export function simulateWorkloads(
  call: Call,
  options: KubeApiHarnessOptions,
  setLogs: (ns: string, pod: string, lines: string[]) => void,
): { markReady: (kind: string, ns: string, name: string) => Promise<void>; stop: () => void } {
  const never = new Map<string, NeverReadyReason>(
    (options.neverReady ?? []).map((w) => [
      key(w.kind, w.namespace, w.name),
      w.reason ?? 'CrashLoopBackOff',
    ]),
  );
  const pending = new Set<string>();
  const state = { stopped: false }; // an object, so lint sees it change in callbacks

  const reconcile = async (resource: string, w: Workload): Promise<void> => {
    const reason = never.get(key(resource, w.metadata.namespace, w.metadata.name));
    if (reason) await failingPod(call, w, reason, setLogs);
    const path = `/apis/apps/v1/namespaces/${w.metadata.namespace}/${resource}/${w.metadata.name}`;
    const res = await call('PATCH', `${path}/status`, { status: status(resource, w, !reason) });
    if (res.status !== 200 && res.status !== 404) {
      throw new Error(`status of ${resource} ${w.metadata.name}: ${res.status} ${res.text}`);
    }
  };

  // Polling (not a watch) keeps this small; 3 list calls every 200 ms are nothing here.
  void (async () => {
    while (!state.stopped) {
      for (const resource of PLURALS) {
        const res = await call('GET', `/apis/apps/v1/${resource}`).catch(() => undefined);
        if (res?.status !== 200) continue;
        for (const w of (JSON.parse(res.text) as { items: Workload[] }).items) {
          const k = key(resource, w.metadata.namespace, w.metadata.name);
          if (w.status?.observedGeneration === (w.metadata.generation ?? 1) || pending.has(k))
            continue;
          pending.add(k);
          const timer = setTimeout(() => {
            if (state.stopped) return;
            reconcile(resource, w)
              .catch((error: unknown) => console.warn(`[real-kube] ${String(error)}`))
              .finally(() => pending.delete(k));
          }, options.readyDelayMs ?? 100);
          timer.unref(); // a long readyDelayMs must not hold the test process open
        }
      }
      await finalizeNamespaces(call).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();

  return {
    stop: () => void (state.stopped = true),
    async markReady(kind, namespace, name) {
      never.delete(key(kind, namespace, name));
      const path = `/apis/apps/v1/namespaces/${namespace}/${plural(kind)}/${name}`;
      const got = await call('GET', path);
      if (got.status !== 200)
        throw new Error(`markReady: GET ${path} gave ${got.status}: ${got.text}`);
      await reconcile(plural(kind), JSON.parse(got.text) as Workload);
    },
  };
}

/** The status a controller would write; not-ready keeps the counts at zero. */
function status(resource: string, w: Workload, ready: boolean): object {
  const n = w.spec?.replicas ?? 1;
  const up = ready ? n : 0;
  const observedGeneration = w.metadata.generation ?? 1;
  if (resource === 'daemonsets') {
    const r = ready ? 1 : 0;
    const scheduled = {
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      updatedNumberScheduled: 1,
    };
    return {
      observedGeneration,
      ...scheduled,
      numberMisscheduled: 0,
      numberReady: r,
      numberAvailable: r,
      numberUnavailable: 1 - r,
    };
  }
  const counts = {
    observedGeneration,
    replicas: n,
    updatedReplicas: n,
    readyReplicas: up,
    availableReplicas: up,
  };
  if (resource === 'statefulsets')
    return { ...counts, currentReplicas: n, currentRevision: 'r1', updateRevision: 'r1' };
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const available = ready
    ? { status: 'True', reason: 'MinimumReplicasAvailable' }
    : {
        status: 'False',
        reason: 'MinimumReplicasUnavailable',
        message: 'Deployment does not have minimum availability.',
      };
  const condition = {
    type: 'Available',
    ...available,
    lastUpdateTime: now,
    lastTransitionTime: now,
  };
  return { ...counts, unavailableReplicas: n - up, conditions: [condition] };
}

/** A Pod and Warning event telling why, as the fake shows them; kept if they exist already. */
async function failingPod(
  call: Call,
  w: Workload,
  reason: NeverReadyReason,
  setLogs: (ns: string, pod: string, lines: string[]) => void,
): Promise<void> {
  const { namespace, name } = w.metadata;
  const pod = `${name}-0`;
  const template = w.spec?.template ?? {};
  const spec = template.spec ?? { containers: [{ name: 'main', image: 'skiff/none' }] };
  const base = `/api/v1/namespaces/${namespace}`;
  const created = await call('POST', `${base}/pods`, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...template.metadata, name: pod, namespace },
    // Unschedulable stays off the node, so it has no logs, as on a cluster.
    spec: reason === 'CrashLoopBackOff' ? { ...spec, nodeName: NODE_NAME } : spec,
  });
  if (created.status === 409) return;
  const container =
    (spec as { containers?: Array<{ name: string }> }).containers?.[0]?.name ?? 'main';
  const crash = reason === 'CrashLoopBackOff';
  // The same lines as the fake's simulator, so the suite's assertions hold on both.
  if (crash) {
    setLogs(namespace, pod, [
      `starting ${name}`,
      'connecting to mysql.kubeflow.svc:3306',
      'error: dial tcp 10.96.0.12:3306: connect: connection refused',
      'exiting with status 1',
    ]);
  }
  const waiting = crash
    ? { reason, message: `back-off 40s restarting failed container=${container}` }
    : { reason: 'ContainerCreating' };
  const containerStatus = {
    name: container,
    image: 'x',
    imageID: '',
    ready: false,
    restartCount: crash ? 4 : 0,
    state: { waiting },
  };
  await call('PATCH', `${base}/pods/${pod}/status`, {
    status: { phase: crash ? 'Running' : 'Pending', containerStatuses: [containerStatus] },
  });
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  await call('POST', `${base}/events`, {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${pod}.${Date.now()}`, namespace },
    involvedObject: { kind: 'Pod', namespace, name: pod, apiVersion: 'v1' },
    reason: crash ? 'BackOff' : 'FailedScheduling',
    message: crash
      ? `Back-off restarting failed container ${container} in pod ${pod}`
      : '0/1 nodes are available: 1 Insufficient memory.',
    type: 'Warning',
    count: 5,
    firstTimestamp: now,
    lastTimestamp: now,
  });
}
