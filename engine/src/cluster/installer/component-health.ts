import type { ComponentHealth, PlatformComponent } from '../cluster-types.js';
import type { ClusterObjects } from './cluster-objects.js';
import { evaluateCheck } from './component-readiness.js';
import { diagnoseWorkload } from './workload-diagnosis.js';

/**
 * Each component's health for the Cluster page: ready replicas of its workloads, pod
 * restarts, and the last error (a waiting reason like CrashLoopBackOff, or a warning event).
 */
export async function componentHealth(
  cluster: ClusterObjects,
  components: readonly PlatformComponent[],
): Promise<ComponentHealth[]> {
  const health: ComponentHealth[] = [];
  for (const component of components) {
    let ready = true;
    let restarts = 0;
    let readyReplicas = 0;
    let desiredReplicas = 0;
    let lastError: string | undefined;
    const missing: string[] = [];
    for (const check of component.readiness) {
      const { object, readiness } = await evaluateCheck(cluster, check);
      ready &&= readiness.ready;
      if (!object) {
        missing.push(`${check.kind} ${check.name}`);
        continue;
      }
      if (check.kind === 'CustomResourceDefinition') {
        if (!readiness.ready)
          lastError ??= `CustomResourceDefinition ${check.name} is not Established`;
        continue;
      }
      readyReplicas += readiness.readyReplicas;
      desiredReplicas += readiness.desiredReplicas;
      const diagnosis = await diagnoseWorkload(cluster, object, { withLogs: false });
      restarts += diagnosis.pods.reduce((sum, pod) => sum + pod.restarts, 0);
      const failing = diagnosis.pods.find((pod) => pod.state !== 'Running');
      if (!readiness.ready) {
        lastError ??=
          diagnosis.events.at(-1) ??
          (failing ? `${failing.name}: ${failing.state}` : readiness.detail);
      }
    }
    const detail =
      missing.length > 0
        ? `missing: ${missing.join(', ')}`
        : `${readyReplicas}/${desiredReplicas} replicas ready`;
    health.push({
      component: component.name,
      ready,
      detail,
      restarts,
      ...(lastError ? { lastError } : {}),
    });
  }
  return health;
}
