import type { ClusterResourceUsage } from '../../api/contract.js';
import type { ClusterObjects } from '../installer/cluster-objects.js';
import { parseQuantity, type KubeObject } from '../platform/index.js';
import type { ResourceUsage } from '../service/cluster-ports.js';

type Connect = (kubeconfigPath: string) => Promise<ClusterObjects>;

/**
 * Nodes, pods and allocatable CPU/memory, from the API alone. Used CPU and memory need
 * metrics-server, which the platform does not install: they stay unknown.
 */
export function createClusterUsage(connect: Connect): ResourceUsage {
  return {
    async usage(kubeconfigPath): Promise<ClusterResourceUsage> {
      const api = await connect(kubeconfigPath);
      const [nodes, pods] = await Promise.all([
        api.list('v1', 'Node'),
        api.list('v1', 'Pod', { fieldSelector: 'status.phase=Running' }),
      ]);
      return {
        nodes: nodes.length,
        pods: pods.length,
        cpuCapacityMillis: Math.round(sumAllocatable(nodes, 'cpu') * 1000),
        memoryCapacityBytes: sumAllocatable(nodes, 'memory'),
      };
    },
  };
}

function sumAllocatable(nodes: readonly KubeObject[], resource: 'cpu' | 'memory'): number {
  let total = 0;
  for (const node of nodes) {
    const status = node['status'] as { allocatable?: Record<string, string> } | undefined;
    const quantity = status?.allocatable?.[resource];
    if (quantity !== undefined) total += parseQuantity(quantity);
  }
  return total;
}
