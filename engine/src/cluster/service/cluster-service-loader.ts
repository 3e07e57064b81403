/**
 * Builds an engine's cluster service on first use (and recovers its state then). The
 * ports are the real adapters (engine/src/cluster/adapters) unless a test configured
 * in-test implementations.
 */
import { join } from 'node:path';
import type { Engine } from '../../core/engine.js';
import type { ClusterPorts } from './cluster-ports.js';
import { recoverCluster } from './cluster-recovery.js';
import { createClusterRepository } from './cluster-repository.js';
import { ClusterService } from './cluster-service.js';

export type ClusterPortsFactory = (engine: Engine) => ClusterPorts | Promise<ClusterPorts>;

let portsFactory: ClusterPortsFactory | undefined;
const services = new WeakMap<Engine, Promise<ClusterService>>();

/** Sets where every engine in this process gets its cluster ports (launch, or a test). */
export function configureClusterPorts(factory: ClusterPortsFactory | undefined): void {
  portsFactory = factory;
}

export function loadClusterService(engine: Engine): Promise<ClusterService> {
  let service = services.get(engine);
  if (service === undefined) {
    service = build(engine);
    services.set(engine, service);
    // A failed build is retried on the next request rather than remembered forever.
    service.catch(() => services.delete(engine));
  }
  return service;
}

/** Stops the port-forwards of an engine's service, if it was ever built. */
export async function closeClusterService(engine: Engine): Promise<void> {
  const service = services.get(engine);
  services.delete(engine);
  (await service?.catch(() => undefined))?.close();
}

async function build(engine: Engine): Promise<ClusterService> {
  // The real parts are imported only now: client-node and the providers are heavy.
  const factory =
    portsFactory ?? (await import('../adapters/real-cluster-ports.js')).createRealClusterPorts;
  const ports = await factory(engine);
  const { store, clock, logger } = engine.deps;
  const service = new ClusterService({
    ports,
    operations: engine.operations,
    events: engine.events,
    repository: createClusterRepository(store.db),
    clock,
    logger: logger.child({ component: 'cluster' }),
    clustersDir: join(engine.config.home.root, 'clusters'),
  });
  await recoverCluster(service);
  return service;
}
