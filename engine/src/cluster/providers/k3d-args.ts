/**
 * `k3d cluster create` arguments for a ClusterSpec, and the reading of `k3d cluster list
 * -o json`. Kept apart from running them so each flag is tested exactly.
 */
import type { ClusterInfo, ClusterSpec, GpuRequest } from '../cluster-types.js';
import { skiffClusterName } from './cluster-names.js';
import { GPU_NODE_LABEL } from './kind-config.js';

export const K3D_TIMEOUT = '120s';

export interface K3dCreateOptions {
  /** The local k3s image with the NVIDIA runtime (gpu/build-k3s-gpu-image.ts). */
  gpuImage: string;
  /** A rancher/k3s image present locally (offline); k3d's default when absent. */
  k3sImage?: string;
}

export function k3dCreateArgs(
  cluster: string,
  spec: Pick<ClusterSpec, 'nodes' | 'gpus' | 'ports'>,
  options: K3dCreateOptions,
): string[] {
  const agents = Math.max(0, spec.nodes - 1);
  const args = ['cluster', 'create', cluster, '--servers', '1', '--agents', String(agents)];
  for (const port of spec.ports) {
    args.push('-p', `127.0.0.1:${port.hostPort}:${port.nodePort}@server:0`);
  }
  const gpus = gpuFlag(spec.gpus);
  if (gpus !== undefined) {
    // Same rule as kind: GPUs count where workloads run (the server alone, or the agents).
    const where = agents === 0 ? 'server:0' : 'agent:*';
    args.push('--gpus', gpus, '--image', options.gpuImage);
    args.push('--k3s-node-label', `${GPU_NODE_LABEL}=true@${where}`);
  } else if (options.k3sImage !== undefined) {
    args.push('--image', options.k3sImage);
  }
  args.push(
    '--kubeconfig-update-default=false',
    '--kubeconfig-switch-context=false',
    '--wait',
    '--timeout',
    K3D_TIMEOUT,
  );
  return args;
}

/** Docker's `--gpus` syntax: `all`, or `"device=0,2"` quoted because it holds a comma. */
export function gpuFlag(gpus: GpuRequest): string | undefined {
  if (gpus === 'none') return undefined;
  if (gpus === 'all') return 'all';
  return `"device=${gpus.join(',')}"`;
}

/** Skiff's clusters from `k3d cluster list -o json`; the load balancer is not a node. */
export function parseK3dClusterList(stdout: string): ClusterInfo[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout === '' ? '[]' : stdout);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const infos: ClusterInfo[] = [];
  for (const entry of parsed) {
    if (!isRecord(entry) || typeof entry.name !== 'string') continue;
    const name = skiffClusterName(entry.name);
    if (name === undefined) continue;
    const servers = count(entry.serversCount);
    const agents = count(entry.agentsCount);
    const running = count(entry.serversRunning) + count(entry.agentsRunning);
    infos.push({
      name,
      provider: 'k3d',
      nodes: servers + agents,
      running: servers + agents > 0 && running === servers + agents,
    });
  }
  return infos;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
