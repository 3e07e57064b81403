import type { ClusterStatus } from '../api/contract.js';
import type { Engine } from '../core/engine.js';
import { TargetStore } from './target-store.js';

/** The local cluster's KFP, as a target like any other ("Run on… local cluster"). */
export const LOCAL_CLUSTER_TARGET = 'local-cluster';

/**
 * Keeps the `local-cluster` target in step with the cluster: added (KFP API through its
 * port-forward, no auth) once the cluster runs, removed once it is deleted. A target of
 * that name the user pointed elsewhere is left alone.
 */
export async function syncLocalClusterTarget(
  store: TargetStore,
  status: ClusterStatus,
): Promise<void> {
  const existing = store.list().find((target) => target.name === LOCAL_CLUSTER_TARGET);
  const api = status.endpoints.find((endpoint) => endpoint.name === 'kfp-api');
  if (status.state === 'RUNNING' && api !== undefined) {
    const url = api.url.replace(/\/$/, '');
    if (existing?.url === url) return;
    if (existing !== undefined && !isLocalUrl(existing.url)) return;
    const ui = status.endpoints.find((endpoint) => endpoint.name === 'kfp-ui');
    await store.put(LOCAL_CLUSTER_TARGET, {
      url,
      auth: { type: 'none' },
      ...(ui !== undefined ? { uiUrl: ui.url } : {}),
    });
  } else if (status.state === 'NONE' && existing !== undefined && isLocalUrl(existing.url)) {
    await store.remove(LOCAL_CLUSTER_TARGET);
  }
}

const isLocalUrl = (url: string): boolean => /^http:\/\/127\.0\.0\.1:\d+/.test(url);

/** Follows `cluster.updated` events for the engine's lifetime; returns an unsubscribe. */
export function followLocalCluster(engine: Engine): () => void {
  const store = new TargetStore(TargetStore.secretsDirOf(engine.config.home.root), {
    read: () => (engine.settings() as { targets?: unknown }).targets,
    patch: async (targets) => {
      await engine.updateSettings({ targets });
    },
  });
  let chain = Promise.resolve();
  return engine.events.subscribe((event) => {
    if (event.type !== 'cluster.updated') return;
    // One sync at a time, in event order.
    chain = chain
      .then(() => syncLocalClusterTarget(store, event.data))
      .catch((error: unknown) =>
        engine.deps.logger.log('warn', 'could not update the local-cluster target', {
          error: String(error),
        }),
      );
  });
}
