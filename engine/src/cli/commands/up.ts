import { parseArgs } from 'node:util';
import { resolveHomePath } from '../../store/skiff-home.js';
import { expectPositionals, parsePortOption, withUsage } from '../args.js';
import type { CliContext } from '../cli-context.js';
import { findRunningEngine } from '../engine-discovery.js';
import { announce, serveUntilInterrupted, startEngine } from '../engine-session.js';
import { launchDesktopApp, openBrowser, type OpenedUi } from '../open-ui.js';

export const help = `Usage: skiff up [--port N] [--home DIR] [--no-open] [--browser]

Opens Skiff, starting it if needed:
  - an engine already runs for this home: asks it for a one-time login URL, opens it in
    the browser and exits;
  - otherwise, when the desktop app is installed and built and there is a display: starts
    the desktop app (which runs the engine; quit it from its tray) and exits;
  - otherwise: starts an engine in this process (like \`skiff serve\`, logging to
    $SKIFF_HOME/logs/engine.log), opens the browser (xdg-open / open / start) and stays
    until Ctrl-C. Without a browser it prints the URL.

Options:
  --port N     Port for an engine started here (default $SKIFF_PORT, then settings engine.port)
  --home DIR   Data folder (default $SKIFF_HOME or ~/.skiff)
  --no-open    Start or find the engine and print the login URL; open nothing
  --browser    Use the browser even when the desktop app is available

Example:
  skiff up
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = withUsage('up', () =>
    parseArgs({
      args,
      options: {
        port: { type: 'string' },
        home: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        browser: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  expectPositionals('up', positionals, 0, 0, '');
  const port = parsePortOption(values.port);
  const home = resolveHomePath(values.home, ctx.env);
  const open = !values['no-open'];

  const running = await findRunningEngine(home);
  if (running !== undefined) {
    const { url } = await running.client.createLoginTicket();
    ctx.stdout.write(
      `Skiff ${running.info.version} is already running at ${running.info.url} (pid ${running.info.pid}).\n`,
    );
    if (!open) {
      ctx.stdout.write(`Open (one-time login): ${url}\n`);
      return 0;
    }
    report(await openBrowser(url, { env: ctx.env }), url, ctx);
    return 0;
  }

  if (
    open &&
    !values.browser &&
    port === undefined &&
    (await launchDesktopApp({ env: ctx.env, home }))
  ) {
    ctx.stdout.write(
      'Started the Skiff desktop app; it runs the engine (quit it from its tray or menu).\n',
    );
    return 0;
  }

  const engine = await startEngine({ home, ...(port !== undefined ? { port } : {}) });
  announce(engine, ctx);
  if (open) {
    const opened = await openBrowser(engine.createLoginUrl(), { env: ctx.env }).catch(
      (error: unknown): OpenedUi => ({
        how: 'none',
        reason: error instanceof Error ? error.message : String(error),
      }),
    );
    report(opened, undefined, ctx);
  }
  ctx.stdout.write('Press Ctrl-C to stop Skiff.\n');
  return serveUntilInterrupted(engine, ctx);
}

function report(opened: OpenedUi, url: string | undefined, ctx: CliContext): void {
  if (opened.how === 'desktop') ctx.stdout.write('Opened the Skiff desktop app.\n');
  else if (opened.how === 'browser') ctx.stdout.write(`Opened your browser (${opened.command}).\n`);
  else {
    const link =
      url !== undefined ? `this one-time login URL: ${url}` : 'the one-time login URL above';
    ctx.stdout.write(`Not opening anything (${opened.reason}); open ${link}\n`);
  }
}
