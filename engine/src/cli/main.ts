/**
 * `skiff`: the command line. Commands load lazily so `skiff --version` and `skiff status`
 * never pay for the engine, dockerode or execa.
 */
import { SKIFF_VERSION } from '../core/version.js';
import { usageError, wantsHelp } from './args.js';
import { processContext, type CliContext } from './cli-context.js';
import { reportError } from './error-report.js';

export interface CommandModule {
  readonly help: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}

interface CommandEntry {
  summary: string;
  load: () => Promise<CommandModule>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  serve: { summary: 'Run the engine in the foreground', load: () => import('./commands/serve.js') },
  up: {
    summary: 'Start Skiff (or find it running) and open the app',
    load: () => import('./commands/up.js'),
  },
  status: {
    summary: 'Show the running engine, the machine and running operations',
    load: () => import('./commands/status.js'),
  },
  doctor: {
    summary: 'Check every prerequisite and say how to fix what is missing',
    load: () => import('./commands/doctor.js'),
  },
  settings: {
    summary: 'Read or change settings (get [KEY], set KEY VALUE)',
    load: () => import('./commands/settings.js'),
  },
  operations: {
    summary: 'List, watch or cancel long-running operations',
    load: () => import('./commands/operations.js'),
  },
  pipeline: {
    summary: 'Upload, list and show pipelines (KFP API)',
    load: () => import('./commands/pipeline.js'),
  },
  target: {
    summary: 'Add, list, test and remove Kubeflow targets (remote KFP APIs)',
    load: () => import('./commands/target.js'),
  },
  export: {
    summary: 'Export a pipeline as YAML, zip or a GitOps folder',
    load: () => import('./commands/export.js'),
  },
  run: {
    summary: 'Create, watch, list, cancel and retry runs; read task logs',
    load: () => import('./commands/run.js'),
  },
  cache: {
    summary: 'List or purge cached pipeline task results',
    load: () => import('./commands/cache.js'),
  },
  cluster: {
    summary: 'Create, inspect, start, stop and delete the local Kubeflow cluster',
    load: () => import('./commands/cluster.js'),
  },
  images: {
    summary: 'List a pipeline’s images; retag + push local ones',
    load: () => import('./commands/images.js'),
  },
};

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const commands = Object.entries(COMMANDS)
    .map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`)
    .join('\n');
  return `Skiff ${SKIFF_VERSION}: a desktop ML platform that speaks Kubeflow's formats.

Usage: skiff <command> [options]

Commands:
${commands}

Options:
  -h, --help     Show help (also after a command: skiff status --help)
  -v, --version  Print the version

Environment: SKIFF_HOME (default ~/.skiff), SKIFF_PORT, SKIFF_DEBUG=1 (stack traces).
Exit codes: 0 ok, 1 internal, 2 usage/invalid argument, 3 not found, 4 already exists,
5 failed precondition, 6 unavailable (engine not running), 7 unauthenticated/denied,
130 cancelled/interrupted. Docs: docs/cli.md
`;
}

export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [first, ...rest] = argv;
  const json = argv.includes('--json');
  try {
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      const topic = first === 'help' ? rest[0] : undefined;
      if (topic !== undefined && Object.hasOwn(COMMANDS, topic)) {
        return await runCli([topic, '--help'], ctx);
      }
      if (first === undefined) {
        ctx.stderr.write(mainHelp());
        return 2;
      }
      ctx.stdout.write(mainHelp());
      return 0;
    }
    if (first === '--version' || first === '-v' || first === 'version') {
      ctx.stdout.write(`${SKIFF_VERSION}\n`);
      return 0;
    }
    const entry = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (entry === undefined) {
      throw usageError(
        '',
        first.startsWith('-') ? `Unknown option "${first}"` : `Unknown command "${first}"`,
      );
    }
    const command = await entry.load();
    if (wantsHelp(rest)) {
      ctx.stdout.write(command.help);
      return 0;
    }
    return await command.run(rest, ctx);
  } catch (error) {
    return reportError(error, ctx, { json });
  }
}

/** The process entry: runs, then exits with the command's code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const code = await runCli(argv, processContext());
  process.exitCode = code;
  // Let output drain, but never linger on a forgotten keep-alive socket.
  setTimeout(() => process.exit(code), 500).unref();
}
