/**
 * Whether this machine can give a cluster GPUs: NVIDIA devices (nvidia-smi) and Docker's
 * `nvidia` runtime (docker info). The default request follows: all GPUs, or none.
 */
import type { GpuDevice } from '../../api/contract.js';
import type { Docker, Exec } from '../../core/ports.js';
import { probeGpus } from '../../system/probes/gpu-probe.js';
import type { GpuRequest } from '../cluster-types.js';

export interface GpuDetection {
  devices: GpuDevice[];
  nvidiaSmi: boolean;
  /** Docker lists an `nvidia` runtime. */
  nvidiaRuntime: boolean;
  /** What a new cluster gets unless the user says otherwise. */
  defaultRequest: GpuRequest;
  /** One line for the UI/CLI: what was found, or why GPUs are off. */
  summary: string;
}

export async function detectGpus(
  exec: Exec,
  docker: Docker,
  signal?: AbortSignal,
): Promise<GpuDetection> {
  const [gpus, runtimes] = await Promise.all([
    probeGpus(exec),
    docker.info(signal).then(
      (info) => info.runtimes,
      () => undefined,
    ),
  ]);
  const nvidiaRuntime = runtimes?.includes('nvidia') ?? false;
  return gpuDetection(
    gpus.devices,
    gpus.nvidiaSmi,
    nvidiaRuntime,
    runtimes !== undefined,
    gpus.error,
  );
}

/** The verdict alone, so each case is tested without a GPU. */
export function gpuDetection(
  devices: GpuDevice[],
  nvidiaSmi: boolean,
  nvidiaRuntime: boolean,
  dockerUp: boolean,
  smiError?: string,
): GpuDetection {
  const base = { devices, nvidiaSmi, nvidiaRuntime };
  if (devices.length === 0) {
    const why = smiError ?? (nvidiaSmi ? 'nvidia-smi lists no GPUs' : 'no nvidia-smi on PATH');
    return { ...base, defaultRequest: 'none', summary: `GPUs are off: ${why}.` };
  }
  const names = devices.map((device) => `${device.index}: ${device.name}`).join(', ');
  if (!nvidiaRuntime) {
    const why = dockerUp ? 'Docker has no `nvidia` runtime' : 'Docker is not reachable';
    return {
      ...base,
      defaultRequest: 'none',
      summary: `GPUs are off: found ${names}, but ${why}.`,
    };
  }
  return { ...base, defaultRequest: 'all', summary: `GPUs on: ${names}.` };
}
