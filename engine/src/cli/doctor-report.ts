/** `skiff doctor`'s human output: one aligned line per check, the fix underneath. */
import type { DoctorCheck, DoctorStatus } from '../system/doctor-checks.js';

const MARKS: Record<DoctorStatus, string> = { ok: '✔', warn: '!', missing: '✘', error: '✘' };
const COLORS: Record<DoctorStatus, string> = {
  ok: '\x1b[32m',
  warn: '\x1b[33m',
  missing: '\x1b[31m',
  error: '\x1b[31m',
};
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

export function formatDoctorReport(
  checks: readonly DoctorCheck[],
  options: { color?: boolean } = {},
): string {
  const color = options.color ?? false;
  const width = Math.max(0, ...checks.map((check) => check.title.length));
  const lines: string[] = [];
  for (const check of checks) {
    const mark = color
      ? `${COLORS[check.status]}${MARKS[check.status]}${RESET}`
      : MARKS[check.status];
    lines.push(`${mark} ${check.title.padEnd(width)}  ${check.detail}`);
    if (check.status !== 'ok' && check.fix !== undefined) {
      const arrow = `  ${' '.repeat(width)}  → `;
      lines.push(color ? `${DIM}${arrow}${RESET}${check.fix}` : `${arrow}${check.fix}`);
    }
  }
  lines.push('', doctorSummary(checks));
  return `${lines.join('\n')}\n`;
}

export function doctorSummary(checks: readonly DoctorCheck[]): string {
  const count = (status: DoctorStatus): number => checks.filter((c) => c.status === status).length;
  const errors = count('error');
  const missing = count('missing');
  const warnings = count('warn');
  if (errors + missing + warnings === 0) return 'All checks passed.';
  const parts = [
    errors > 0 ? plural(errors, 'error') : '',
    missing > 0 ? `${missing} missing` : '',
    warnings > 0 ? plural(warnings, 'warning') : '',
  ].filter((part) => part !== '');
  const verdict =
    errors > 0
      ? 'Skiff cannot run until the errors are fixed.'
      : 'Skiff runs; the fixes above turn on what is missing.';
  return `${parts.join(', ')}. ${verdict}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
