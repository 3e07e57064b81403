/**
 * The objects that prove GPU passthrough end to end: RuntimeClass `nvidia` (both providers
 * register a containerd runtime of that name) and a pod asking for one GPU that runs
 * nvidia-smi. The installer applies them after the device plugin is ready.
 */
import { GPU_NODE_LABEL } from '../providers/kind-config.js';

export const GPU_SMOKE_POD = 'skiff-gpu-smoke';

export function nvidiaRuntimeClass(): Record<string, unknown> {
  return {
    apiVersion: 'node.k8s.io/v1',
    kind: 'RuntimeClass',
    metadata: { name: 'nvidia' },
    handler: 'nvidia',
  };
}

/** The image must be local: nvidia-smi comes from the host driver through the runtime. */
export function gpuSmokePod(namespace: string, image: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: GPU_SMOKE_POD,
      namespace,
      labels: { 'app.kubernetes.io/managed-by': 'skiff' },
    },
    spec: {
      restartPolicy: 'Never',
      runtimeClassName: 'nvidia',
      nodeSelector: { [GPU_NODE_LABEL]: 'true' },
      containers: [
        {
          name: 'nvidia-smi',
          image,
          imagePullPolicy: 'IfNotPresent',
          command: ['nvidia-smi'],
          resources: { limits: { 'nvidia.com/gpu': 1 } },
        },
      ],
    },
  };
}
