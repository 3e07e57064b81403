/** Runs every preflight check and, for create, turns errors into one actionable SkiffError. */
import { SkiffError } from '../../core/errors.js';
import type { PreflightCheck, PreflightReport } from '../cluster-types.js';
import {
  cgroupCheck,
  diskChecks,
  dockerCheck,
  dockerResourcesCheck,
  toolCheck,
} from './preflight-checks.js';
import {
  gatherPreflightFacts,
  type PreflightDeps,
  type PreflightFacts,
  type PreflightInput,
} from './preflight-facts.js';
import { gpuChecks, inotifyCheck, portsCheck } from './preflight-host-checks.js';

export async function runPreflight(
  input: PreflightInput,
  deps: PreflightDeps,
): Promise<PreflightReport> {
  return preflightReport(await gatherPreflightFacts(input, deps));
}

export function preflightReport(facts: PreflightFacts): PreflightReport {
  const checks = [
    dockerCheck(facts),
    dockerResourcesCheck(facts),
    cgroupCheck(facts),
    toolCheck(facts),
    ...diskChecks(facts),
    inotifyCheck(facts),
    portsCheck(facts),
    ...gpuChecks(facts),
  ].filter((check): check is PreflightCheck => check !== undefined);
  return { ok: checks.every((check) => check.status !== 'error'), checks };
}

/** FAILED_PRECONDITION naming each failed check and its fix; the report rides in details. */
export function assertPreflight(report: PreflightReport): void {
  if (report.ok) return;
  const failures = report.checks.filter((check) => check.status === 'error');
  const lines = failures.map(
    (check) => `- ${check.title}: ${check.detail}. Fix: ${check.fix ?? 'see the log.'}`,
  );
  throw new SkiffError(
    'FAILED_PRECONDITION',
    `The cluster cannot be created until ${failures.length === 1 ? 'this is' : 'these are'} fixed:\n${lines.join('\n')}`,
    { checks: report.checks },
  );
}
