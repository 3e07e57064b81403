/**
 * The cluster service's ports made of the cluster mode's real parts: kind/k3d through
 * execa, preflight, the bundled platform and its installer (client-node), image preload
 * through Docker, and client-node port-forwards.
 */
import type { Engine } from '../../core/engine.js';
import type { ProviderName } from '../cluster-types.js';
import { listImages, preloadImages, profileImages } from '../images/image-preload.js';
import { saveImageArchive } from '../images/image-archive.js';
import { createClientNodeObjects } from '../installer/client-node-objects.js';
import { createInstallStateRepository } from '../installer/install-state-repository.js';
import { createPlatformInstaller } from '../installer/platform-installer.js';
import { runPreflight } from '../preflight/run-preflight.js';
import { createClusterProvider } from '../providers/create-cluster-provider.js';
import { createClientNodePortForwarder } from '../service/client-node-tunnel.js';
import type { ClusterPorts } from '../service/cluster-ports.js';
import { BUNDLE_DIR, createBundledCatalog } from './bundled-platform.js';
import { createClusterUsage } from './cluster-usage.js';

export function createRealClusterPorts(engine: Engine, bundleDir = BUNDLE_DIR): ClusterPorts {
  const { exec, docker, store, logger } = engine.deps;
  const home = engine.config.home.root;
  const log = logger.child({ component: 'cluster' });
  const installer = createPlatformInstaller({
    bundleDir,
    state: createInstallStateRepository(store.db),
  });
  const providers = new Map<ProviderName, ReturnType<typeof createClusterProvider>>();
  return {
    providers: {
      get(name) {
        let provider = providers.get(name);
        if (provider === undefined) {
          provider = createClusterProvider(name, { exec, home });
          providers.set(name, provider);
        }
        return provider;
      },
    },
    preflight: {
      run: (spec, profile) =>
        runPreflight(
          {
            provider: spec.provider,
            profile,
            gpus: spec.gpus,
            hostPorts: spec.ports.map((port) => port.hostPort),
            home,
          },
          { docker, exec },
        ),
    },
    installer,
    preloader: {
      async preload(provider, clusterName, profile, ctx) {
        const images = await profileImages(bundleDir, profile);
        await preloadImages(provider, clusterName, images, ctx, { home, profile });
      },
    },
    archive: {
      list: (images) => listImages(images),
      save: (images, archivePath, ctx) => saveImageArchive(images, archivePath, ctx),
    },
    forwarder: createClientNodePortForwarder((line) => log.log('info', line)),
    catalog: createBundledCatalog(bundleDir),
    machine: {
      async providers() {
        const { tools } = await engine.system.get();
        return { kind: tools.kind, k3d: tools.k3d };
      },
      async gpus() {
        return (await engine.system.get()).gpus;
      },
    },
    usage: createClusterUsage(createClientNodeObjects),
  };
}
