import { describe, expect, it } from 'vitest';
import type { DoctorCheck } from '../system/doctor-checks.js';
import { doctorSummary, formatDoctorReport } from './doctor-report.js';

const checks: DoctorCheck[] = [
  { id: 'node', title: 'Node.js', status: 'ok', detail: 'v20.20.2' },
  {
    id: 'kind',
    title: 'kind',
    status: 'missing',
    detail: 'Not on PATH',
    fix: '`go install sigs.k8s.io/kind@v0.27.0`',
  },
  {
    id: 'inotify',
    title: 'inotify limits',
    status: 'warn',
    detail: 'max_user_watches 8192',
    fix: '`sudo sysctl …`',
  },
];

describe('formatDoctorReport', () => {
  it('aligns titles, marks each line and puts the fix on the next line', () => {
    expect(formatDoctorReport(checks)).toBe(
      [
        '✔ Node.js         v20.20.2',
        '✘ kind            Not on PATH',
        '                  → `go install sigs.k8s.io/kind@v0.27.0`',
        '! inotify limits  max_user_watches 8192',
        '                  → `sudo sysctl …`',
        '',
        '1 missing, 1 warning. Skiff runs; the fixes above turn on what is missing.',
        '',
      ].join('\n'),
    );
  });

  it('colours the marks only when asked', () => {
    expect(formatDoctorReport(checks, { color: true })).toContain('\x1b[32m✔\x1b[0m');
    expect(formatDoctorReport(checks)).not.toContain('\x1b[');
  });
});

describe('doctorSummary', () => {
  it('says all passed, or that errors block Skiff', () => {
    expect(doctorSummary([checks[0] as DoctorCheck])).toBe('All checks passed.');
    expect(doctorSummary([{ id: 'n', title: 'n', status: 'error', detail: '', fix: 'f' }])).toBe(
      '1 error. Skiff cannot run until the errors are fixed.',
    );
  });
});
