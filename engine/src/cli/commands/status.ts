import { parseArgs } from 'node:util';
import { expectPositionals, withUsage } from '../args.js';
import type { CliContext } from '../cli-context.js';
import { CLIENT_OPTIONS, CLIENT_OPTIONS_HELP, engineLocation } from '../client-options.js';
import { connectEngine } from '../engine-discovery.js';
import { formatStatusReport } from '../status-report.js';

export const help = `Usage: skiff status [--json] [--home DIR] [--url URL]

Shows whether Skiff runs (URL, version, pid, uptime), this machine as the engine sees it
(CPUs, memory, disk, Docker, GPUs, kind/k3d/kubectl) and the operations running now.
Exits with 6 when no engine runs.

Options:
${CLIENT_OPTIONS_HELP}

Example:
  skiff status
  skiff status --json | jq .system.docker
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = withUsage('status', () =>
    parseArgs({ args, options: CLIENT_OPTIONS, allowPositionals: true, strict: true }),
  );
  expectPositionals('status', positionals, 0, 0, '');
  const { client, info } = await connectEngine(engineLocation(values, ctx.env));
  const health = await client.health();
  const [system, operations] = await Promise.all([client.system(), client.operations()]);
  const running = operations.filter((op) => op.state === 'RUNNING');
  const engine = {
    url: client.baseUrl,
    version: health.version,
    ...(info !== undefined ? { pid: info.pid, startedAt: info.startedAt } : {}),
  };
  if (values.json) {
    const uptimeSeconds =
      info !== undefined
        ? Math.max(0, Math.floor((Date.now() - Date.parse(info.startedAt)) / 1000))
        : undefined;
    ctx.stdout.write(
      `${JSON.stringify({ engine: { ...engine, running: true, uptimeSeconds }, system, operations: running }, null, 2)}\n`,
    );
    return 0;
  }
  ctx.stdout.write(formatStatusReport(engine, system, running, new Date()));
  return 0;
}
