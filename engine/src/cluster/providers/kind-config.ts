/**
 * The kind `Cluster` config for a ClusterSpec: one control-plane plus workers, the
 * platform's ports on 127.0.0.1 of the control plane, and GPU passthrough by volume mounts.
 */
import { stringify } from 'yaml';
import type { ClusterSpec, GpuRequest, PortMapping } from '../cluster-types.js';

/**
 * The NVIDIA runtime on the host, with `accept-nvidia-visible-devices-as-volume-mounts`,
 * hands a container the GPUs named by mounts under this folder (kind has no `--gpus`).
 */
export const GPU_DEVICE_DIR = '/var/run/nvidia-container-devices';
export const GPU_NODE_LABEL = 'skiff.dev/gpu';

export interface KindNodeConfig {
  role: 'control-plane' | 'worker';
  image?: string;
  labels?: Record<string, string>;
  extraMounts?: { hostPath: string; containerPath: string }[];
  extraPortMappings?: {
    containerPort: number;
    hostPort: number;
    listenAddress: string;
    protocol: 'TCP';
  }[];
}

export interface KindClusterConfig {
  kind: 'Cluster';
  apiVersion: 'kind.x-k8s.io/v1alpha4';
  nodes: KindNodeConfig[];
}

export interface KindConfigOptions {
  /** A `kindest/node` image present in local Docker; kind's default when absent. */
  nodeImage?: string;
}

export function kindClusterConfig(
  spec: Pick<ClusterSpec, 'nodes' | 'gpus' | 'ports'>,
  options: KindConfigOptions = {},
): KindClusterConfig {
  const workers = Math.max(0, spec.nodes - 1);
  const nodes: KindNodeConfig[] = [{ role: 'control-plane' }];
  for (let i = 0; i < workers; i += 1) nodes.push({ role: 'worker' });

  const controlPlane = nodes[0];
  if (controlPlane !== undefined && spec.ports.length > 0) {
    controlPlane.extraPortMappings = spec.ports.map(portMapping);
  }
  // GPUs go where workloads run: the control plane alone, or else every worker.
  const gpuNodes = workers === 0 ? nodes : nodes.filter((node) => node.role === 'worker');
  const mounts = gpuMounts(spec.gpus);
  if (mounts.length > 0) {
    for (const node of gpuNodes) {
      node.labels = { [GPU_NODE_LABEL]: 'true' };
      node.extraMounts = mounts;
    }
  }
  if (options.nodeImage !== undefined) {
    for (const node of nodes) node.image = options.nodeImage;
  }
  return { kind: 'Cluster', apiVersion: 'kind.x-k8s.io/v1alpha4', nodes: nodes.map(ordered) };
}

export function kindConfigYaml(
  spec: Pick<ClusterSpec, 'nodes' | 'gpus' | 'ports'>,
  options: KindConfigOptions = {},
): string {
  return stringify(kindClusterConfig(spec, options));
}

/** `/dev/null` mounted at …/all or …/<index>: the name is what counts, not the file. */
export function gpuMounts(gpus: GpuRequest): { hostPath: string; containerPath: string }[] {
  if (gpus === 'none') return [];
  const names = gpus === 'all' ? ['all'] : gpus.map(String);
  return names.map((name) => ({
    hostPath: '/dev/null',
    containerPath: `${GPU_DEVICE_DIR}/${name}`,
  }));
}

function portMapping(port: PortMapping): NonNullable<KindNodeConfig['extraPortMappings']>[number] {
  return {
    containerPort: port.nodePort,
    hostPort: port.hostPort,
    listenAddress: '127.0.0.1',
    protocol: 'TCP',
  };
}

/** Stable key order, so the written file reads the same every time. */
function ordered(node: KindNodeConfig): KindNodeConfig {
  return {
    role: node.role,
    ...(node.image !== undefined ? { image: node.image } : {}),
    ...(node.labels !== undefined ? { labels: node.labels } : {}),
    ...(node.extraMounts !== undefined ? { extraMounts: node.extraMounts } : {}),
    ...(node.extraPortMappings !== undefined ? { extraPortMappings: node.extraPortMappings } : {}),
  };
}
