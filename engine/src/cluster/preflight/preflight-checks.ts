/**
 * Preflight verdicts on Docker, the provider's binary and disk: pure functions from facts
 * to checks, so every line and every fix is tested without the machine it describes.
 * 'error' blocks cluster creation; 'warning' is shown and creation goes on.
 */
import { dockerStartFix } from '../../system/doctor-fixes.js';
import { formatBytes, GiB } from '../../system/byte-size.js';
import type { PlatformProfile, PreflightCheck } from '../cluster-types.js';
import { installFix } from '../providers/provider-command.js';
import type { PreflightFacts } from './preflight-facts.js';

/** What the platform needs from Docker per profile (a "8 GB" VM reports a bit less). */
export const PROFILE_NEEDS: Record<
  PlatformProfile,
  { memoryGiB: number; cpus: number; diskGiB: number }
> = {
  lite: { memoryGiB: 8, cpus: 4, diskGiB: 30 },
  full: { memoryGiB: 12, cpus: 6, diskGiB: 50 },
};
const MEMORY_SLACK = 0.95;
export const FULL_DISK_BYTES = 5 * GiB;
export const MIN_VERSIONS = { kind: 'v0.20.0', k3d: 'v5.6.0' } as const;

export function dockerCheck(facts: PreflightFacts): PreflightCheck {
  const base = { id: 'docker', title: 'Docker' };
  if (facts.docker.up) {
    const { info } = facts.docker;
    return {
      ...base,
      status: 'ok',
      detail: `Docker ${info.serverVersion} on ${info.operatingSystem}`,
    };
  }
  return {
    ...base,
    status: 'error',
    detail: facts.docker.error,
    fix: dockerStartFix(facts.platform),
  };
}

export function dockerResourcesCheck(facts: PreflightFacts): PreflightCheck | undefined {
  if (!facts.docker.up) return undefined;
  const { cpus, memoryBytes } = facts.docker.info;
  const need = PROFILE_NEEDS[facts.profile];
  const base = { id: 'docker-resources', title: 'Docker memory and CPUs' };
  const detail = `${formatBytes(memoryBytes)} and ${cpus} CPUs for Docker; the ${facts.profile} profile needs ${need.memoryGiB} GiB and ${need.cpus} CPUs`;
  const short = memoryBytes < need.memoryGiB * GiB * MEMORY_SLACK || cpus < need.cpus;
  if (!short) return { ...base, status: 'ok', detail };
  const fix =
    facts.platform === 'linux'
      ? `Close memory-hungry programs or use a machine with more memory; with Docker Desktop raise Settings → Resources to ${need.memoryGiB} GiB and ${need.cpus} CPUs${facts.profile === 'full' ? ', or pick the lite profile' : ''}.`
      : `In Docker Desktop, Settings → Resources: give Docker ${need.memoryGiB} GiB of memory and ${need.cpus} CPUs${facts.profile === 'full' ? ', or pick the lite profile' : ''}.`;
  return { ...base, status: 'warning', detail, fix };
}

export function cgroupCheck(facts: PreflightFacts): PreflightCheck | undefined {
  if (!facts.docker.up || facts.docker.info.cgroupVersion === '') return undefined;
  const version = facts.docker.info.cgroupVersion;
  const base = { id: 'cgroup', title: 'cgroup version' };
  if (version !== '1') return { ...base, status: 'ok', detail: `cgroup v${version}` };
  return {
    ...base,
    status: 'warning',
    detail: 'cgroup v1: recent Kubernetes and kind node images expect cgroup v2',
    fix: 'Boot with cgroup v2: add `systemd.unified_cgroup_hierarchy=1` to GRUB_CMDLINE_LINUX in /etc/default/grub, run `sudo update-grub` and reboot.',
  };
}

export function toolCheck(facts: PreflightFacts): PreflightCheck {
  const tool = facts.provider;
  const base = { id: `${tool}-binary`, title: `${tool} binary` };
  const min = MIN_VERSIONS[tool];
  if (!facts.tool.found) {
    return {
      ...base,
      status: 'error',
      detail: `\`${tool}\` is not on PATH`,
      fix: `Install ${tool} ${min} or newer: ${installFix(tool)}`,
    };
  }
  const where = facts.tool.path ?? tool;
  if (facts.tool.version === undefined) {
    return {
      ...base,
      status: 'warning',
      detail: `${where} did not report its version`,
      fix: `Check that \`${tool} version\` runs; reinstall it if not: ${installFix(tool)}`,
    };
  }
  if (compareVersions(facts.tool.version, min) < 0) {
    return {
      ...base,
      status: 'error',
      detail: `${where} is ${facts.tool.version}, older than ${min}`,
      fix: `Upgrade ${tool} to ${min} or newer: ${installFix(tool)}`,
    };
  }
  return { ...base, status: 'ok', detail: `${where} ${facts.tool.version}` };
}

export function diskChecks(facts: PreflightFacts): PreflightCheck[] {
  const needBytes = PROFILE_NEEDS[facts.profile].diskGiB * GiB;
  return facts.disks.map(({ label, space }, index) => {
    const base = { id: index === 0 ? 'disk-home' : 'disk-docker', title: `Free disk (${label})` };
    const detail = `${formatBytes(space.freeBytes)} free under ${space.path}; the ${facts.profile} profile needs about ${formatBytes(needBytes)}`;
    const fix = `Free space on that disk (\`docker system prune\` removes unused images and containers)${index === 0 ? ', or set SKIFF_HOME to a folder on a larger disk' : ''}.`;
    if (space.totalBytes > 0 && space.freeBytes < FULL_DISK_BYTES)
      return { ...base, status: 'error', detail, fix };
    if (space.freeBytes < needBytes) return { ...base, status: 'warning', detail, fix };
    return { ...base, status: 'ok', detail };
  });
}

/** Compares `v1.2.3`-style versions by number; pre-release suffixes are ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string): number[] =>
    version
      .replace(/^v/, '')
      .split(/[-+]/)[0]
      ?.split('.')
      .map((part) => Number(part) || 0) ?? [];
  const [left, right] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
