/** Preflight verdicts on the host: inotify limits, free ports and GPU prerequisites. */
import { NVIDIA_DRIVER_FIX, NVIDIA_TOOLKIT_FIX } from '../../system/doctor-fixes.js';
import type { PreflightCheck } from '../cluster-types.js';
import { gpuPackagesMessage } from '../gpu/gpu-package-cache.js';
import type { PreflightFacts } from './preflight-facts.js';

export const MIN_INOTIFY = { watches: 524288, instances: 512 } as const;

/** kind's and Kubeflow's many pods run out of inotify instances long before anything else. */
export function inotifyCheck(facts: PreflightFacts): PreflightCheck | undefined {
  if (facts.platform !== 'linux' || facts.inotify === undefined) return undefined;
  const watches = facts.inotify.maxUserWatches;
  const instances = facts.inotify.maxUserInstances;
  const detail = `fs.inotify.max_user_watches = ${watches ?? '?'}, fs.inotify.max_user_instances = ${instances ?? '?'}`;
  const base = { id: 'inotify', title: 'inotify limits' };
  const low =
    (watches !== undefined && watches < MIN_INOTIFY.watches) ||
    (instances !== undefined && instances < MIN_INOTIFY.instances);
  if (!low) return { ...base, status: 'ok', detail };
  const w = Math.max(watches ?? 0, MIN_INOTIFY.watches);
  const i = Math.max(instances ?? 0, MIN_INOTIFY.instances);
  return {
    ...base,
    status: 'warning',
    detail: `${detail}; clusters need at least ${MIN_INOTIFY.watches} and ${MIN_INOTIFY.instances}`,
    fix: `\`sudo sysctl -w fs.inotify.max_user_watches=${w} fs.inotify.max_user_instances=${i}\`; to keep it after a reboot add these lines to /etc/sysctl.d/99-skiff.conf: \`fs.inotify.max_user_watches = ${w}\` and \`fs.inotify.max_user_instances = ${i}\`.`,
  };
}

export function portsCheck(facts: PreflightFacts): PreflightCheck | undefined {
  if (facts.hostPorts.length === 0) return undefined;
  const base = { id: 'ports', title: 'Host ports' };
  const list = (ports: number[]): string => ports.map((port) => `127.0.0.1:${port}`).join(', ');
  if (facts.busyPorts.length === 0)
    return { ...base, status: 'ok', detail: `${list(facts.hostPorts)} free` };
  return {
    ...base,
    status: 'error',
    detail: `${list(facts.busyPorts)} already in use`,
    fix: `Stop what listens there (\`ss -ltnp 'sport = :${facts.busyPorts[0] ?? ''}'\` names it), or map the platform's services to other host ports in the cluster settings.`,
  };
}

export function gpuChecks(facts: PreflightFacts): PreflightCheck[] {
  const gpu = facts.gpu;
  if (gpu === undefined) {
    return [{ id: 'gpu', title: 'GPUs', status: 'ok', detail: 'GPUs are off for this cluster' }];
  }
  const checks: PreflightCheck[] = [driverCheck(facts)];
  const runtimes = facts.docker.up ? facts.docker.info.runtimes : undefined;
  if (runtimes !== undefined) {
    const base = { id: 'gpu-runtime', title: 'Docker nvidia runtime' };
    const kindNote =
      facts.provider === 'kind'
        ? ' For kind also: `sudo nvidia-ctk config --set accept-nvidia-visible-devices-as-volume-mounts=true --in-place`.'
        : '';
    checks.push(
      runtimes.includes('nvidia')
        ? { ...base, status: 'ok', detail: `runtimes: ${runtimes.join(', ')}` }
        : {
            ...base,
            status: 'error',
            detail: `Docker's runtimes are ${runtimes.join(', ') || 'none'}, without nvidia`,
            fix: NVIDIA_TOOLKIT_FIX + kindNote,
          },
    );
  }
  const needPackages = facts.provider === 'kind' || gpu.gpuImage?.present === false;
  if (gpu.gpuImage !== undefined) {
    const base = { id: 'gpu-image', title: 'k3s image with the NVIDIA runtime' };
    checks.push(
      gpu.gpuImage.present
        ? { ...base, status: 'ok', detail: `${gpu.gpuImage.name} is in local Docker` }
        : {
            ...base,
            status: 'error',
            detail: `${gpu.gpuImage.name} is not in local Docker`,
            fix: `Skiff builds it from bundled-manifests/gpu/Dockerfile before creating the cluster (needs the package cache below and rancher/k3s + ubuntu:22.04 in local Docker; see bundled-manifests/gpu/README.md).`,
          },
    );
  }
  if (needPackages) {
    const base = { id: 'gpu-packages', title: 'NVIDIA toolkit package cache' };
    checks.push(
      gpu.missingPackages.length === 0
        ? { ...base, status: 'ok', detail: `${gpu.packageDir} holds the toolkit packages` }
        : {
            ...base,
            status: 'error',
            detail: `${gpu.packageDir} lacks ${gpu.missingPackages.join(', ')}`,
            fix: gpuPackagesMessage(gpu.packageDir, gpu.missingPackages),
          },
    );
  }
  return checks;
}

function driverCheck(facts: PreflightFacts): PreflightCheck {
  const gpu = facts.gpu;
  const base = { id: 'gpu-driver', title: 'NVIDIA GPUs' };
  if (gpu === undefined) return { ...base, status: 'ok', detail: 'not requested' };
  if (!gpu.nvidiaSmi || gpu.deviceIndexes.length === 0) {
    const detail =
      gpu.error ?? (gpu.nvidiaSmi ? 'nvidia-smi lists no GPUs' : 'nvidia-smi is not on PATH');
    return {
      ...base,
      status: 'error',
      detail,
      fix: `${NVIDIA_DRIVER_FIX} Or create the cluster without GPUs.`,
    };
  }
  const unknown = Array.isArray(facts.gpus)
    ? facts.gpus.filter((index) => !gpu.deviceIndexes.includes(index))
    : [];
  if (unknown.length > 0) {
    return {
      ...base,
      status: 'error',
      detail: `GPU ${unknown.join(', ')} not found; nvidia-smi lists ${gpu.deviceIndexes.join(', ')}`,
      fix: `Ask for GPUs nvidia-smi lists (${gpu.deviceIndexes.join(', ')}), or for all.`,
    };
  }
  return { ...base, status: 'ok', detail: `GPUs ${gpu.deviceIndexes.join(', ')}` };
}
