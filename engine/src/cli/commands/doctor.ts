import { parseArgs } from 'node:util';
import { systemClock } from '../../core/system-clock.js';
import { SKIFF_VERSION } from '../../core/version.js';
import { createDockerodeDocker } from '../../executors/dockerode-docker.js';
import { createExecaExec } from '../../executors/execa-exec.js';
import { resolveHomePath } from '../../store/skiff-home.js';
import { hasErrors, runDoctor } from '../../system/doctor.js';
import { expectPositionals, withUsage } from '../args.js';
import { useColor, type CliContext } from '../cli-context.js';
import { formatDoctorReport } from '../doctor-report.js';
import { EXIT_CODES, EXIT_OK } from '../exit-codes.js';

export const help = `Usage: skiff doctor [--json] [--home DIR]

Checks every prerequisite on this machine, without needing a running engine: Node.js,
the Skiff home and its free disk space, Docker (daemon, CPUs/memory), GPUs and the NVIDIA
runtime, Chromium, kind, k3d, kubectl and the inotify limits. Every line that is not ok
says how to fix it.

Marks: ✔ ok, ! warning, ✘ missing or error.
Exit code: 0, or 5 when a check is an error (Skiff itself cannot run: Node too old, home not
writable, disk full). Missing optional parts such as Docker, kind or k3d still exit 0.

Options:
  --home DIR   Skiff home whose disk is checked (default $SKIFF_HOME or ~/.skiff)
  --json       Print the checks as JSON: [{id, title, status, detail, fix?}]

Example:
  skiff doctor
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = withUsage('doctor', () =>
    parseArgs({
      args,
      options: { json: { type: 'boolean', default: false }, home: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  expectPositionals('doctor', positionals, 0, 0, '');
  const checks = await runDoctor({
    docker: createDockerodeDocker(),
    exec: createExecaExec(),
    clock: systemClock,
    home: resolveHomePath(values.home, ctx.env),
    version: SKIFF_VERSION,
  });
  if (values.json) ctx.stdout.write(`${JSON.stringify(checks, null, 2)}\n`);
  else ctx.stdout.write(formatDoctorReport(checks, { color: useColor(ctx.stdout, ctx.env) }));
  return hasErrors(checks) ? EXIT_CODES.FAILED_PRECONDITION : EXIT_OK;
}
