/** `skiff doctor`: probes every prerequisite and says what to do about each gap. */
import os from 'node:os';
import type { Clock, Docker, Exec } from '../core/ports.js';
import { doctorChecks, type DoctorCheck, type DoctorFacts } from './doctor-checks.js';
import { probeSystem } from './probe-system.js';
import { checkHomeAccess, findChromium, readInotifyLimits } from './probes/host-probe.js';

export type { DoctorCheck, DoctorStatus } from './doctor-checks.js';
export { hasErrors } from './doctor-checks.js';

export interface DoctorDeps {
  docker: Docker;
  exec: Exec;
  clock: Clock;
  home: string;
  version: string;
}

export async function collectDoctorFacts(deps: DoctorDeps): Promise<DoctorFacts> {
  const [system, dockerCli, chromium, inotify, home] = await Promise.all([
    probeSystem(deps),
    deps.exec.which('docker'),
    findChromium(deps.exec),
    readInotifyLimits(),
    checkHomeAccess(deps.home),
  ]);
  return {
    node: process.versions.node,
    platform: process.platform,
    arch: os.arch(),
    system,
    ...(dockerCli !== undefined ? { dockerCli } : {}),
    ...(chromium !== undefined ? { chromium } : {}),
    ...(inotify !== undefined ? { inotify } : {}),
    home,
  };
}

export async function runDoctor(deps: DoctorDeps): Promise<DoctorCheck[]> {
  return doctorChecks(await collectDoctorFacts(deps));
}
