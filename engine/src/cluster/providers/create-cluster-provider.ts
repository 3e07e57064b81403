/** Picks and wires a provider; tests replace the Docker-facing parts through `deps`. */
import path from 'node:path';
import type { Exec } from '../../core/ports.js';
import type { DockerConnectionOptions } from '../../executors/docker-daemon-connection.js';
import type { ClusterProvider, ProviderName } from '../cluster-types.js';
import { K3S_GPU_IMAGE } from '../gpu/build-k3s-gpu-image.js';
import { gpuPackageCacheDir } from '../gpu/gpu-package-cache.js';
import { kindGpuNodeSetup } from '../gpu/kind-gpu-node-setup.js';
import { createK3dProvider } from './k3d-provider.js';
import { dockerKindNodeContainers, type KindNodeContainers } from './kind-node-containers.js';
import { createKindProvider, type KindGpuNodeSetup } from './kind-provider.js';

export interface ClusterProviderDeps {
  exec: Exec;
  /** $SKIFF_HOME: the GPU package cache lives under it. */
  home: string;
  docker?: DockerConnectionOptions;
  /** A local `kindest/node` image (offline); kind's default when absent. */
  kindNodeImage?: string;
  /** A local `rancher/k3s` image (offline); k3d's default when absent. */
  k3sImage?: string;
  /** The local k3s image with the NVIDIA runtime; K3S_GPU_IMAGE by default. */
  k3sGpuImage?: string;
  kindNodes?: KindNodeContainers;
  kindGpuNodeSetup?: KindGpuNodeSetup;
}

export function createClusterProvider(
  name: ProviderName,
  deps: ClusterProviderDeps,
): ClusterProvider {
  if (name === 'k3d') {
    return createK3dProvider({
      exec: deps.exec,
      gpuImage: deps.k3sGpuImage ?? K3S_GPU_IMAGE,
      ...(deps.k3sImage !== undefined ? { k3sImage: deps.k3sImage } : {}),
    });
  }
  return createKindProvider({
    exec: deps.exec,
    nodes: deps.kindNodes ?? dockerKindNodeContainers(deps.docker),
    gpuNodeSetup:
      deps.kindGpuNodeSetup ?? kindGpuNodeSetup(deps.exec, gpuPackageCacheDir(deps.home)),
    ...(deps.kindNodeImage !== undefined ? { nodeImage: deps.kindNodeImage } : {}),
  });
}

/** Skiff's own kubeconfig for a cluster: $SKIFF_HOME/clusters/<name>/kubeconfig. */
export function clusterKubeconfigPath(home: string, name: string): string {
  return path.join(home, 'clusters', name, 'kubeconfig');
}
