import { parseArgs } from 'node:util';
import { resolveHomePath } from '../../store/skiff-home.js';
import { expectPositionals, parsePortOption, withUsage } from '../args.js';
import type { CliContext } from '../cli-context.js';
import {
  announce,
  refuseSecondEngine,
  serveUntilInterrupted,
  startEngine,
} from '../engine-session.js';

export const help = `Usage: skiff serve [--port N] [--host H] [--home DIR]

Runs the Skiff engine (API and UI) in the foreground, logging to stderr, until Ctrl-C.

Options:
  --port N     Port to listen on (default $SKIFF_PORT, then settings engine.port; 0 = any free port)
  --host H     Address to listen on (default 127.0.0.1; others need SKIFF_ALLOW_REMOTE=1)
  --home DIR   Data folder (default $SKIFF_HOME or ~/.skiff)

Example:
  skiff serve --port 8740
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = withUsage('serve', () =>
    parseArgs({
      args,
      options: { port: { type: 'string' }, host: { type: 'string' }, home: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  expectPositionals('serve', positionals, 0, 0, '');
  const port = parsePortOption(values.port);
  const home = resolveHomePath(values.home, ctx.env);
  await refuseSecondEngine(home);
  const engine = await startEngine({
    home,
    logToConsole: true,
    ...(port !== undefined ? { port } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
  });
  announce(engine, ctx);
  return serveUntilInterrupted(engine, ctx);
}
