import { parseArgs } from 'node:util';
import { expectPositionals, usageError, withUsage } from '../args.js';
import type { CliContext } from '../cli-context.js';
import { CLIENT_OPTIONS, CLIENT_OPTIONS_HELP, engineLocation } from '../client-options.js';
import { connectEngine } from '../engine-discovery.js';

export const help = `Usage: skiff cache [list] [--json]
       skiff cache purge [FINGERPRINT] [--json]

Pipeline tasks whose component, image, command and inputs are unchanged reuse the outputs
of an earlier run. This lists what is cached and purges it.

  list     Cached task executions, newest first
  purge    Forget every cached execution, or the one with FINGERPRINT

Options:
${CLIENT_OPTIONS_HELP}

Examples:
  skiff cache
  skiff cache purge
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = withUsage('cache', () =>
    parseArgs({ args, options: { ...CLIENT_OPTIONS }, allowPositionals: true, strict: true }),
  );
  const [action = 'list', ...rest] = positionals;
  const { client } = await connectEngine(engineLocation(values, ctx.env));
  if (action === 'list') {
    expectPositionals('cache', rest, 0, 0, '');
    const { entries } = await client.cacheEntries();
    if (values.json) ctx.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    else if (entries.length === 0) ctx.stdout.write('The cache is empty.\n');
    else {
      for (const entry of entries) {
        ctx.stdout.write(
          `${entry.fingerprint.slice(0, 16)}  run ${entry.runId}  task ${entry.taskId}  ${entry.createdAt}\n`,
        );
      }
    }
    return 0;
  }
  if (action === 'purge') {
    expectPositionals('cache', rest, 0, 1, '[FINGERPRINT]');
    const result = await client.purgeCache(rest[0]);
    if (values.json) ctx.stdout.write(`${JSON.stringify(result)}\n`);
    else ctx.stdout.write(`Purged ${result.purged} cached execution(s).\n`);
    return 0;
  }
  throw usageError('cache', `Unknown action "${action}"; use list or purge`);
}
