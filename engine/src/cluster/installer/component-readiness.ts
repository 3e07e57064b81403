import { SkiffError } from '../../core/errors.js';
import type { PlatformComponent, ReadinessCheck } from '../cluster-types.js';
import type { KubeObject } from '../platform/index.js';
import { describeKey, type ClusterObjects, type ObjectKey } from './cluster-objects.js';
import { waitUntil } from './wait-until.js';
import { diagnoseWorkload, formatDiagnosis } from './workload-diagnosis.js';
import { crdEstablished, workloadReadiness, type Readiness } from './workload-readiness.js';

export const checkKey = (check: ReadinessCheck): ObjectKey =>
  check.kind === 'CustomResourceDefinition'
    ? { apiVersion: 'apiextensions.k8s.io/v1', kind: check.kind, name: check.name }
    : { apiVersion: 'apps/v1', kind: check.kind, namespace: check.namespace, name: check.name };

/** One readiness check now: the object (if it exists) and whether it is ready. */
export async function evaluateCheck(
  cluster: ClusterObjects,
  check: ReadinessCheck,
): Promise<{ object?: KubeObject; readiness: Readiness }> {
  const object = await cluster.read(checkKey(check));
  if (!object)
    return {
      readiness: { ready: false, detail: 'not found', readyReplicas: 0, desiredReplicas: 1 },
    };
  if (check.kind === 'CustomResourceDefinition') {
    const ready = crdEstablished(object);
    return {
      object,
      readiness: {
        ready,
        detail: ready ? 'Established' : 'not Established',
        readyReplicas: 0,
        desiredReplicas: 0,
      },
    };
  }
  return { object, readiness: workloadReadiness(object) };
}

/** Whether every check of a component holds right now (a resumed install skips it then). */
export async function componentReady(
  cluster: ClusterObjects,
  component: PlatformComponent,
): Promise<boolean> {
  for (const check of component.readiness) {
    if (!(await evaluateCheck(cluster, check)).readiness.ready) return false;
  }
  return true;
}

/**
 * Waits for each readiness check until the component's deadline. A workload that is not
 * ready by then fails the install with its pods' states, last events and log lines.
 */
export async function waitComponentReady(
  cluster: ClusterObjects,
  component: PlatformComponent,
  ctx: {
    deadline: number;
    signal: AbortSignal;
    kubeconfigPath: string;
    onLog: (line: string) => void;
  },
): Promise<void> {
  for (const check of component.readiness) {
    const key = checkKey(check);
    const ready = await waitUntil(
      async () => ((await evaluateCheck(cluster, check)).readiness.ready ? true : undefined),
      {
        timeoutMs: Math.max(0, ctx.deadline - Date.now()),
        signal: ctx.signal,
        initialDelayMs: 200,
      },
    );
    if (ready) {
      ctx.onLog(`${describeKey(key)} is ready`);
      continue;
    }
    const { object, readiness } = await evaluateCheck(cluster, check);
    const what = describeKey(key);
    const head = `Component "${component.name}" did not become ready within ${component.timeoutSeconds}s: ${what} ${object ? `has ${readiness.detail}` : 'does not exist (its manifests do not create it; fix the readiness entry in platform.yaml)'}.`;
    if (!object || check.kind === 'CustomResourceDefinition') {
      throw new SkiffError('FAILED_PRECONDITION', head, {
        component: component.name,
        object: what,
      });
    }
    const diagnosis = await diagnoseWorkload(cluster, object, { withLogs: true });
    const kubectl = `kubectl --kubeconfig ${ctx.kubeconfigPath} -n ${check.namespace} describe ${check.kind.toLowerCase()} ${check.name}`;
    throw new SkiffError(
      'FAILED_PRECONDITION',
      [
        head,
        formatDiagnosis(diagnosis),
        `Look closer with \`${kubectl}\`, fix the cause, then run the install again: it resumes here.`,
      ]
        .filter(Boolean)
        .join('\n'),
      { component: component.name, object: what, events: diagnosis.events, pods: diagnosis.pods },
    );
  }
}
