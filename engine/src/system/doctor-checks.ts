/**
 * `skiff doctor`'s verdicts: pure functions from probed facts to checks, so every line and
 * every fix is tested without the machine it describes. Severity rule: 'error' only when
 * Skiff itself cannot work (old Node, no writable home, a full disk); anything that only
 * turns a feature off (Docker, cluster tools, a browser) is 'missing' or 'warn'.
 */
import type { SystemInfo, ToolStatus } from '../api/contract.js';
import { formatBytes, GiB } from './byte-size.js';
import {
  chromiumFix,
  dockerInstallFix,
  dockerStartFix,
  inotifyFix,
  k3dFix,
  kindFix,
  kubectlFix,
  NVIDIA_DRIVER_FIX,
  NO_GPU_FIX,
  NVIDIA_TOOLKIT_FIX,
} from './doctor-fixes.js';
import type { HomeAccess, InotifyLimits } from './probes/host-probe.js';

export type DoctorStatus = 'ok' | 'warn' | 'missing' | 'error';

export interface DoctorCheck {
  id: string;
  title: string;
  status: DoctorStatus;
  detail: string;
  /** What to do about it; present on every check that is not 'ok'. */
  fix?: string;
}

export interface DoctorFacts {
  node: string;
  platform: NodeJS.Platform;
  arch: string;
  system: SystemInfo;
  /** Path of the `docker` CLI, to tell "not installed" from "not running". */
  dockerCli?: string;
  chromium?: string;
  /** Linux only. */
  inotify?: InotifyLimits;
  home: HomeAccess;
}

export const MIN_NODE = { major: 20, minor: 19 } as const;
/** Cluster mode wants 4 GB for Docker; a "4 GB" VM reports a little less than 4 GiB. */
export const MIN_DOCKER_MEMORY_BYTES = 3.5 * GiB;
export const MIN_DOCKER_CPUS = 2;
export const LOW_DISK_BYTES = 20 * GiB;
export const FULL_DISK_BYTES = 1 * GiB;
export const MIN_INOTIFY_WATCHES = 524288;
export const MIN_INOTIFY_INSTANCES = 512;

export function doctorChecks(facts: DoctorFacts): DoctorCheck[] {
  return [
    nodeCheck(facts),
    homeCheck(facts),
    diskCheck(facts),
    dockerCheck(facts),
    dockerResourcesCheck(facts),
    gpuCheck(facts),
    nvidiaRuntimeCheck(facts),
    chromiumCheck(facts),
    toolCheck('kind', 'kind', facts.system.tools.kind, kindFix(facts.platform, facts.arch)),
    toolCheck('k3d', 'k3d', facts.system.tools.k3d, k3dFix()),
    toolCheck(
      'kubectl',
      'kubectl',
      facts.system.tools.kubectl,
      kubectlFix(facts.platform, facts.arch),
    ),
    inotifyCheck(facts),
  ];
}

/** 'error' decides the exit code of `skiff doctor`. */
export function hasErrors(checks: readonly DoctorCheck[]): boolean {
  return checks.some((check) => check.status === 'error');
}

export function nodeCheck({ node }: DoctorFacts): DoctorCheck {
  const [major = 0, minor = 0] = node.split('.').map(Number);
  const recent = major > MIN_NODE.major || (major === MIN_NODE.major && minor >= MIN_NODE.minor);
  const base = { id: 'node', title: 'Node.js' };
  if (recent) return { ...base, status: 'ok', detail: `v${node}` };
  return {
    ...base,
    status: 'error',
    detail: `v${node} is older than ${MIN_NODE.major}.${MIN_NODE.minor}, which Skiff needs`,
    fix: `Install Node.js ${MIN_NODE.major}.${MIN_NODE.minor} or newer (https://nodejs.org, or \`nvm install 20\`).`,
  };
}

export function homeCheck({ home }: DoctorFacts): DoctorCheck {
  const base = { id: 'home', title: 'Skiff home' };
  if (home.writable) {
    return {
      ...base,
      status: 'ok',
      detail: home.exists ? home.path : `${home.path} (created on first start)`,
    };
  }
  return {
    ...base,
    status: 'error',
    detail: `${home.path} is not writable`,
    fix: `Make it yours (\`sudo chown -R $USER ${home.path}\`), or point SKIFF_HOME at a folder you can write.`,
  };
}

export function diskCheck({ system }: DoctorFacts): DoctorCheck {
  const { disk } = system;
  const base = { id: 'disk', title: 'Disk space' };
  const detail = `${formatBytes(disk.freeBytes)} free of ${formatBytes(disk.totalBytes)} under ${disk.path}`;
  const fix = `Free space on that disk, or set SKIFF_HOME to a folder on a larger one (images, artifacts and clusters need ${formatBytes(LOW_DISK_BYTES)}).`;
  if (disk.totalBytes === 0) {
    return {
      ...base,
      status: 'warn',
      detail: `Could not measure free space under ${disk.path}`,
      fix,
    };
  }
  if (disk.freeBytes < FULL_DISK_BYTES) return { ...base, status: 'error', detail, fix };
  if (disk.freeBytes < LOW_DISK_BYTES) return { ...base, status: 'warn', detail, fix };
  return { ...base, status: 'ok', detail };
}

export function dockerCheck({ system, dockerCli, platform }: DoctorFacts): DoctorCheck {
  const { docker } = system;
  const base = { id: 'docker', title: 'Docker' };
  if (docker.reachable) {
    const os = docker.operatingSystem !== '' ? ` on ${docker.operatingSystem}` : '';
    const cgroup = docker.cgroupVersion !== '' ? `, cgroup v${docker.cgroupVersion}` : '';
    return { ...base, status: 'ok', detail: `Docker ${docker.version}${os}${cgroup}` };
  }
  const reason = firstSentence(docker.error);
  const fallback = ' Until then, pipeline steps run as host processes.';
  if (dockerCli !== undefined) {
    return {
      ...base,
      status: 'missing',
      detail: `Installed (${dockerCli}) but the daemon does not answer: ${reason}`,
      fix: dockerStartFix(platform) + fallback,
    };
  }
  return {
    ...base,
    status: 'missing',
    detail: `Not installed: ${reason}`,
    fix: dockerInstallFix(platform) + fallback,
  };
}

export function dockerResourcesCheck({ system, platform }: DoctorFacts): DoctorCheck {
  const { docker } = system;
  const base = { id: 'docker-resources', title: 'Docker CPUs/memory' };
  if (!docker.reachable) {
    return {
      ...base,
      status: 'warn',
      detail: 'Unknown while Docker does not answer',
      fix: 'Start Docker (see the Docker line), then run `skiff doctor` again.',
    };
  }
  const detail = `${docker.cpus} CPUs, ${formatBytes(docker.memoryBytes)} memory`;
  const short: string[] = [];
  if (docker.cpus < MIN_DOCKER_CPUS) short.push(`${MIN_DOCKER_CPUS} CPUs`);
  if (docker.memoryBytes < MIN_DOCKER_MEMORY_BYTES) short.push('4 GB memory');
  if (short.length === 0) return { ...base, status: 'ok', detail };
  return {
    ...base,
    status: 'warn',
    detail: `${detail}; cluster mode (kind/k3d) wants at least ${short.join(' and ')}`,
    fix:
      platform === 'linux'
        ? 'Give this machine (or its VM) more CPUs/memory; the local engine works with less.'
        : 'Raise them in Docker Desktop → Settings → Resources; the local engine works with less.',
  };
}

export function gpuCheck({ system }: DoctorFacts): DoctorCheck {
  const { gpus } = system;
  const base = { id: 'gpu', title: 'GPU' };
  if (gpus.error !== undefined) {
    return {
      ...base,
      status: 'warn',
      detail: gpus.error,
      fix: NVIDIA_DRIVER_FIX,
    };
  }
  if (gpus.devices.length === 0) {
    // Optional, like kind: missing is not an error, and the fix says what turns it on.
    return {
      ...base,
      status: 'missing',
      detail: 'No NVIDIA GPU found — GPU passthrough is off; pipelines and models run on the CPU',
      fix: NO_GPU_FIX,
    };
  }
  const list = gpus.devices
    .map((gpu) => `#${gpu.index} ${gpu.name} (${formatBytes(gpu.memoryMiB * 1024 * 1024)})`)
    .join(', ');
  const driver = gpus.devices[0]?.driverVersion ?? '';
  return { ...base, status: 'ok', detail: `${list}, driver ${driver}` };
}

export function nvidiaRuntimeCheck({ system }: DoctorFacts): DoctorCheck {
  const { docker, gpus } = system;
  const base = { id: 'nvidia-runtime', title: 'NVIDIA runtime' };
  if (!docker.reachable)
    return { ...base, status: 'ok', detail: 'Unknown while Docker does not answer' };
  if (docker.nvidiaRuntime)
    return { ...base, status: 'ok', detail: 'Docker has the nvidia runtime' };
  if (gpus.devices.length === 0) {
    return { ...base, status: 'ok', detail: 'Not configured (not needed without an NVIDIA GPU)' };
  }
  return {
    ...base,
    status: 'warn',
    detail: 'A GPU is present but Docker has no nvidia runtime, so containers cannot use it',
    fix: NVIDIA_TOOLKIT_FIX,
  };
}

export function chromiumCheck({ chromium, platform }: DoctorFacts): DoctorCheck {
  const base = { id: 'chromium', title: 'Chromium' };
  if (chromium !== undefined) return { ...base, status: 'ok', detail: chromium };
  return {
    ...base,
    status: 'missing',
    detail:
      'No chromium, chromium-browser, google-chrome or google-chrome-stable on PATH (browser tests are skipped; `skiff up` prints the URL instead)',
    fix: chromiumFix(platform),
  };
}

export function toolCheck(id: string, title: string, tool: ToolStatus, fix: string): DoctorCheck {
  if (tool.found) {
    const version = tool.version ?? 'version unknown';
    return { id, title, status: 'ok', detail: `${version} (${tool.path ?? 'on PATH'})` };
  }
  return {
    id,
    title,
    status: 'missing',
    detail: 'Not on PATH (needed for cluster mode only)',
    fix,
  };
}

export function inotifyCheck({ inotify, platform }: DoctorFacts): DoctorCheck {
  const base = { id: 'inotify', title: 'inotify limits' };
  if (inotify === undefined)
    return { ...base, status: 'ok', detail: `Not applicable on ${platform}` };
  const fix = inotifyFix(MIN_INOTIFY_WATCHES, MIN_INOTIFY_INSTANCES);
  const { maxUserWatches: watches, maxUserInstances: instances } = inotify;
  if (watches === undefined || instances === undefined) {
    return { ...base, status: 'warn', detail: 'Could not read /proc/sys/fs/inotify', fix };
  }
  const detail = `max_user_watches ${watches}, max_user_instances ${instances}`;
  if (watches >= MIN_INOTIFY_WATCHES && instances >= MIN_INOTIFY_INSTANCES) {
    return { ...base, status: 'ok', detail };
  }
  return {
    ...base,
    status: 'warn',
    detail: `${detail}; kind/k3d clusters need at least ${MIN_INOTIFY_WATCHES} and ${MIN_INOTIFY_INSTANCES}`,
    fix,
  };
}

function firstSentence(text: string): string {
  const match = /^(.*?\.)(\s|$)/s.exec(text);
  return (match?.[1] ?? text).replace(/\.$/, '');
}
