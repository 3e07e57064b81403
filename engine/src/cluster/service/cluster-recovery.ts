/**
 * On engine start: make the persisted state true again. Work in flight when the engine
 * died is marked failed with the reason; a running cluster gets its port-forwards back.
 */
import type { ClusterService } from './cluster-service.js';
import { BUSY_STATES } from './cluster-view.js';

export async function recoverCluster(service: ClusterService): Promise<void> {
  const record = service.record;
  if (record === undefined) return;
  const { ports, logger } = service.deps;
  if (BUSY_STATES.has(record.state)) {
    service.transition('ERROR', {
      code: 'UNAVAILABLE',
      message: `The engine stopped while the cluster was ${record.state}. Retry, or delete the cluster.`,
      ...(record.operationId !== undefined ? { step: record.state } : {}),
    });
    return;
  }
  if (record.state !== 'RUNNING' && record.state !== 'STOPPED') return;
  let running: boolean | undefined;
  try {
    const clusters = await ports.providers.get(record.spec.provider).list();
    running = clusters.find((info) => info.name === record.spec.name)?.running;
  } catch (error) {
    // The provider cannot answer (Docker down?): keep the last known state.
    logger.log('warn', `Cluster recovery: ${(error as Error).message}`);
    return;
  }
  if (running === undefined) {
    service.transition('ERROR', {
      code: 'NOT_FOUND',
      message: `The ${record.spec.provider} cluster "${record.spec.name}" no longer exists (deleted outside Skiff?). Delete it here, then create it again.`,
    });
  } else if (!running) {
    if (record.state === 'RUNNING') service.transition('STOPPED');
  } else if (record.state === 'STOPPED') {
    service.transition('RUNNING');
  }
  if (running === true) {
    const endpoints = await ports.catalog.endpoints(record.profile);
    await ports.forwarder.start(record.spec.kubeconfigPath, endpoints).catch((error: unknown) => {
      logger.log('warn', `Cluster port-forwards: ${(error as Error).message}`);
    });
  }
}
