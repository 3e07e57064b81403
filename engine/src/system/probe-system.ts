/** One full look at the machine: every probe in parallel, none of them throwing. */
import type { SystemInfo } from '../api/contract.js';
import type { Clock, Docker, Exec } from '../core/ports.js';
import { probeDisk } from './probes/disk-probe.js';
import { probeDocker } from './probes/docker-probe.js';
import { probeGpus } from './probes/gpu-probe.js';
import { probeOs } from './probes/os-probe.js';
import { probeTool } from './probes/tool-probe.js';

export interface SystemProbeDeps {
  docker: Docker;
  exec: Exec;
  clock: Clock;
  /** $SKIFF_HOME: disk space is measured on its file system. */
  home: string;
  version: string;
}

export async function probeSystem(deps: SystemProbeDeps): Promise<SystemInfo> {
  const [disk, docker, kind, k3d, kubectl, gpus] = await Promise.all([
    probeDisk(deps.home),
    probeDocker(deps.docker),
    probeTool(deps.exec, 'kind'),
    probeTool(deps.exec, 'k3d'),
    probeTool(deps.exec, 'kubectl'),
    probeGpus(deps.exec),
  ]);
  return {
    skiffVersion: deps.version,
    ...probeOs(),
    disk,
    docker,
    tools: { kind, k3d, kubectl },
    gpus,
    probedAt: deps.clock.now().toISOString(),
  };
}
