/**
 * Everything preflight looks at, gathered once and without throwing: each probe failure
 * becomes a fact that a check turns into a line with a fix.
 */
import type { ToolStatus } from '../../api/contract.js';
import { SkiffError } from '../../core/errors.js';
import type { Docker, DockerInfo, Exec } from '../../core/ports.js';
import type { DockerConnectionOptions } from '../../executors/docker-daemon-connection.js';
import { probeDisk, type DiskSpace } from '../../system/probes/disk-probe.js';
import { probeGpus } from '../../system/probes/gpu-probe.js';
import { readInotifyLimits, type InotifyLimits } from '../../system/probes/host-probe.js';
import { probeTool } from '../../system/probes/tool-probe.js';
import type { GpuRequest, PlatformProfile, ProviderName } from '../cluster-types.js';
import { K3S_GPU_IMAGE } from '../gpu/build-k3s-gpu-image.js';
import { gpuPackageCacheDir, missingGpuPackages } from '../gpu/gpu-package-cache.js';
import { inspectLocalImages } from '../images/local-images.js';
import { dockerRootDir } from './docker-root-dir.js';
import { busyPorts } from './port-probe.js';

export interface PreflightInput {
  provider: ProviderName;
  profile: PlatformProfile;
  gpus: GpuRequest;
  /** Host ports the cluster will bind on 127.0.0.1. */
  hostPorts: number[];
  /** $SKIFF_HOME */
  home: string;
}

export interface PreflightDeps {
  docker: Docker;
  exec: Exec;
  /** Where dockerode looks for the daemon (image and root-dir lookups). */
  dockerConnection?: DockerConnectionOptions;
  platform?: NodeJS.Platform;
  k3sGpuImage?: string;
}

export type DockerFacts = { up: true; info: DockerInfo } | { up: false; error: string };

export interface GpuFacts {
  nvidiaSmi: boolean;
  deviceIndexes: number[];
  error?: string;
  packageDir: string;
  missingPackages: string[];
  /** k3d only: whether the local k3s image with the NVIDIA runtime exists. */
  gpuImage?: { name: string; present: boolean };
}

export interface PreflightFacts extends PreflightInput {
  platform: NodeJS.Platform;
  docker: DockerFacts;
  tool: ToolStatus;
  disks: { label: string; space: DiskSpace }[];
  inotify?: InotifyLimits;
  busyPorts: number[];
  gpu?: GpuFacts;
}

export async function gatherPreflightFacts(
  input: PreflightInput,
  deps: PreflightDeps,
): Promise<PreflightFacts> {
  const platform = deps.platform ?? process.platform;
  const [docker, tool, inotify, busy] = await Promise.all([
    deps.docker.info().then(
      (info): DockerFacts => ({ up: true, info }),
      (error: unknown): DockerFacts => ({ up: false, error: describe(error) }),
    ),
    probeTool(deps.exec, input.provider),
    readInotifyLimits(platform),
    busyPorts(input.hostPorts),
  ]);
  const rootDir = docker.up ? await dockerRootDir(deps.dockerConnection) : undefined;
  const disks = [{ label: 'Skiff home', space: await probeDisk(input.home) }];
  if (rootDir !== undefined) disks.push({ label: 'Docker root', space: await probeDisk(rootDir) });
  const facts: PreflightFacts = { ...input, platform, docker, tool, disks, busyPorts: busy };
  if (inotify !== undefined) facts.inotify = inotify;
  if (input.gpus !== 'none') facts.gpu = await gatherGpuFacts(input, deps, docker.up);
  return facts;
}

async function gatherGpuFacts(
  input: PreflightInput,
  deps: PreflightDeps,
  dockerUp: boolean,
): Promise<GpuFacts> {
  const gpus = await probeGpus(deps.exec);
  const packageDir = gpuPackageCacheDir(input.home);
  const facts: GpuFacts = {
    nvidiaSmi: gpus.nvidiaSmi,
    deviceIndexes: gpus.devices.map((device) => device.index),
    packageDir,
    missingPackages: await missingGpuPackages(packageDir),
  };
  if (gpus.error !== undefined) facts.error = gpus.error;
  if (input.provider === 'k3d' && dockerUp) {
    const name = deps.k3sGpuImage ?? K3S_GPU_IMAGE;
    const [image] = await inspectLocalImages([name], deps.dockerConnection ?? {}).catch(() => []);
    facts.gpuImage = { name, present: image?.present ?? false };
  }
  return facts;
}

function describe(error: unknown): string {
  if (error instanceof SkiffError || error instanceof Error) return error.message;
  return String(error);
}
