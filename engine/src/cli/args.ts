/** Argument parsing on `node:util` parseArgs, with usage errors as INVALID_ARGUMENT. */
import { SkiffError } from '../core/errors.js';

/** Runs a parseArgs call, turning its TypeError into a usage error naming the help. */
export function withUsage<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof SkiffError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw usageError(command, message.replace(/\. To specify .*$/s, '.'));
  }
}

export function usageError(command: string, message: string): SkiffError {
  const help = command === '' ? 'skiff --help' : `skiff ${command} --help`;
  const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
  return new SkiffError('INVALID_ARGUMENT', `${sentence} See \`${help}\`.`, { usage: true });
}

export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

export function parsePortOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (value.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `--port: "${value}" is not a port; use 0–65535 (0 picks a free one).`,
      { field: '--port' },
    );
  }
  return port;
}

/** Fails on positionals beyond what a command takes. */
export function expectPositionals(
  command: string,
  positionals: readonly string[],
  min: number,
  max: number,
  names: string,
): void {
  if (positionals.length < min) throw usageError(command, `Missing ${names}`);
  if (positionals.length > max) {
    throw usageError(command, `Unexpected argument "${positionals[max] ?? ''}"`);
  }
}
