/**
 * Follows one operation on the engine's event stream until it finishes: progress on a
 * bar, log lines above it. Ctrl-C detaches (the operation keeps running).
 */
import type { Operation } from '../api/contract.js';
import { isErrorCode, SkiffError } from '../core/errors.js';
import type { CliContext } from './cli-context.js';
import type { EngineClient } from './engine-client.js';
import { EXIT_CODES, EXIT_OK } from './exit-codes.js';
import { ProgressBar } from './progress-bar.js';

export async function watchOperation(
  client: EngineClient,
  id: string,
  ctx: CliContext,
): Promise<number> {
  const controller = new AbortController();
  // Only Ctrl-C aborts before the end, so an aborted signal means "detached".
  const detached = (): boolean => controller.signal.aborted;
  const stopListening = ctx.onInterrupt(() => {
    controller.abort();
  });
  const bar = new ProgressBar({ bar: ctx.stderr, log: ctx.stdout });
  try {
    // Subscribe first, then read the current state: nothing can happen unseen in between.
    const events = await client.openEvents(controller.signal);
    let operation = await client.operation(id);
    ctx.stderr.write(`${operation.title} (${operation.id})\n`);
    if (operation.state === 'RUNNING') {
      bar.update(operation.progress);
      try {
        for await (const event of events) {
          if (event.type === 'operation.log' && event.data.id === id) {
            bar.log(event.data.line);
          } else if (event.type === 'operation.updated' && event.data.id === id) {
            operation = event.data;
            if (operation.state !== 'RUNNING') break;
            bar.update(operation.progress);
          }
        }
      } catch (error) {
        if (!detached()) throw error;
      }
      bar.done();
      if (detached()) {
        ctx.stderr.write(
          `Detached; the operation keeps running. Follow it again with \`skiff operations watch ${id}\`.\n`,
        );
        return EXIT_CODES.CANCELLED;
      }
      if (operation.state === 'RUNNING') {
        throw new SkiffError(
          'UNAVAILABLE',
          `The engine closed the event stream while "${operation.title}" was still running; it may have stopped. Check with \`skiff status\`.`,
        );
      }
    }
    return reportOutcome(operation, ctx);
  } catch (error) {
    bar.done();
    if (detached()) return EXIT_CODES.CANCELLED;
    throw error;
  } finally {
    stopListening();
    controller.abort();
  }
}

/** Prints how an operation ended and returns the exit code its outcome maps to. */
export function reportOutcome(operation: Operation, ctx: CliContext): number {
  if (operation.state === 'SUCCEEDED') {
    ctx.stderr.write(`✔ ${operation.title} succeeded.\n`);
    return EXIT_OK;
  }
  if (operation.state === 'CANCELLED') {
    ctx.stderr.write(`✘ ${operation.title} was cancelled.\n`);
    return EXIT_CODES.CANCELLED;
  }
  if (operation.state === 'RUNNING') {
    ctx.stderr.write(`${operation.title} is still running.\n`);
    return EXIT_OK;
  }
  ctx.stderr.write(formatFailure(operation));
  const code = operation.error?.code;
  return isErrorCode(code) ? EXIT_CODES[code] : EXIT_CODES.INTERNAL;
}

export function formatFailure(operation: Operation): string {
  const error = operation.error;
  const step = error?.step !== undefined ? ` at step "${error.step}"` : '';
  const lines = [`✘ ${operation.title} failed${step}: ${error?.message ?? 'no reason given'}`];
  if (error?.lastCommand !== undefined) lines.push(`  Last command: ${error.lastCommand}`);
  if (error?.lastLines !== undefined && error.lastLines.length > 0) {
    lines.push('  Last lines:', ...error.lastLines.map((line) => `    ${line}`));
  }
  return `${lines.join('\n')}\n`;
}
