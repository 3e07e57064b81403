import { parseArgs } from 'node:util';
import { expectPositionals, usageError, withUsage } from '../args.js';
import type { CliContext } from '../cli-context.js';
import { CLIENT_OPTIONS, CLIENT_OPTIONS_HELP, engineLocation } from '../client-options.js';
import { connectEngine } from '../engine-discovery.js';
import { watchOperation } from '../operation-watch.js';
import { formatOperationTable } from '../status-report.js';

export const help = `Usage: skiff operations [list] [--all] [--json]
       skiff operations watch ID
       skiff operations cancel ID [--json]

Long work (cluster installs, runs, image builds) is an operation with steps, progress,
logs and cancellation.

  list     Operations the engine knows, newest first (running ones only unless --all)
  watch    Follow one: a progress bar on stderr, its log lines on stdout. Exits 0 when
           it succeeds, with the code of its error when it fails (130 when cancelled).
           Ctrl-C detaches and leaves the operation running.
  cancel   Ask the engine to cancel one

Options:
  --all        list: include finished operations
${CLIENT_OPTIONS_HELP}

Examples:
  skiff operations
  skiff operations watch 3f0c2f6e-8a61-4bd4-9d0e-2a4b8a1e6b0d
  skiff operations cancel 3f0c2f6e-8a61-4bd4-9d0e-2a4b8a1e6b0d
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = withUsage('operations', () =>
    parseArgs({
      args,
      options: { ...CLIENT_OPTIONS, all: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    }),
  );
  const [action = 'list', ...rest] = positionals;
  const location = engineLocation(values, ctx.env);

  if (action === 'list') {
    expectPositionals('operations', rest, 0, 0, '');
    const { client } = await connectEngine(location);
    const all = await client.operations();
    const shown = values.all ? all : all.filter((op) => op.state === 'RUNNING');
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    } else if (shown.length === 0) {
      ctx.stdout.write(
        values.all
          ? 'No operations yet.\n'
          : 'No running operations (see finished ones with --all).\n',
      );
    } else {
      ctx.stdout.write(`${formatOperationTable(shown).join('\n')}\n`);
    }
    return 0;
  }
  if (action === 'watch' || action === 'cancel') {
    expectPositionals('operations', rest, 1, 1, 'operation ID');
    const id = rest[0] ?? '';
    const { client } = await connectEngine(location);
    if (action === 'watch') return watchOperation(client, id, ctx);
    const operation = await client.cancelOperation(id);
    if (values.json) ctx.stdout.write(`${JSON.stringify(operation, null, 2)}\n`);
    else
      ctx.stdout.write(
        `Cancelling "${operation.title}" (${operation.id}); state ${operation.state}.\n`,
      );
    return 0;
  }
  throw usageError('operations', `Unknown action "${action}"; use list, watch or cancel`);
}
