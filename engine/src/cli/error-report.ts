/** How a failed command ends: one line a person can act on, or JSON for scripts. */
import { inspect } from 'node:util';
import { toSkiffError } from '../core/errors.js';
import type { CliContext } from './cli-context.js';
import { exitCodeFor } from './exit-codes.js';

export function reportError(error: unknown, ctx: CliContext, options: { json: boolean }): number {
  const skiffError = toSkiffError(error);
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify({ error: skiffError.toJSON() })}\n`);
  } else {
    ctx.stderr.write(`skiff: ${skiffError.message}\n`);
  }
  if (ctx.env.SKIFF_DEBUG === '1') ctx.stderr.write(`${describeStack(skiffError)}\n`);
  return exitCodeFor(skiffError);
}

function describeStack(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth += 1) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : inspect(current));
    current = current instanceof Error ? current.cause : undefined;
    if (current !== undefined) parts.push('Caused by:');
  }
  return parts.join('\n');
}
