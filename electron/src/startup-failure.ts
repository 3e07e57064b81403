/** What the error box says when the engine cannot start. */
import { SkiffError } from '@skiff/engine';

export const STARTUP_FAILURE_TITLE = 'Skiff could not start';

/** A SkiffError's message already says what to do; anything else is a bug, said plainly. */
export function describeStartupFailure(error: unknown): string {
  if (error instanceof SkiffError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Unexpected error while starting the engine: ${detail}`;
}
