/**
 * Runs a provider CLI (kind, k3d) through the Exec port: finds it on PATH, announces the
 * command line, streams its output and turns a failure into a SkiffError that shows the
 * command and its last lines, so nobody has to dig through logs to see what went wrong.
 */
import { SkiffError } from '../../core/errors.js';
import type { Exec, ExecResult } from '../../core/ports.js';
import { k3dFix, kindFix } from '../../system/doctor-fixes.js';
import type { ProviderName } from '../cluster-types.js';

const TAIL_LINES = 8;

export interface CommandOptions {
  signal?: AbortSignal;
  onLog?: (line: string) => void;
  onCommand?: (commandLine: string) => void;
}

export function installFix(tool: ProviderName): string {
  return tool === 'kind' ? kindFix(process.platform, process.arch) : k3dFix();
}

export function missingTool(tool: ProviderName): SkiffError {
  return new SkiffError(
    'FAILED_PRECONDITION',
    `\`${tool}\` was not found on PATH, and Skiff needs it for a ${tool} cluster. Install it: ${installFix(tool)}`,
    { tool },
  );
}

/** Runs `tool args…`; resolves only when it exits 0. */
export async function runTool(
  exec: Exec,
  tool: ProviderName,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<ExecResult> {
  const file = await exec.which(tool);
  if (file === undefined) throw missingTool(tool);
  const commandLine = formatCommand(tool, args);
  options.onCommand?.(commandLine);
  const result = await exec.run(file, args, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onLog ? { onLine: options.onLog } : {}),
  });
  if (result.exitCode !== 0) {
    const tail = lastLines(`${result.stdout}\n${result.stderr}`);
    throw new SkiffError(
      'INTERNAL',
      `\`${commandLine}\` failed with exit code ${result.exitCode}${tail === '' ? '.' : `:\n${tail}`}\nRun \`skiff cluster preflight\` to check what ${tool} needs.`,
      { command: commandLine, exitCode: result.exitCode },
    );
  }
  return result;
}

/** A copy-pasteable command line: arguments with spaces or quotes are single-quoted. */
export function formatCommand(tool: string, args: readonly string[]): string {
  return [tool, ...args]
    .map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`))
    .join(' ');
}

function lastLines(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(-TAIL_LINES).join('\n');
}
