/**
 * Cluster creation that leaves nothing behind: when `create` fails or is cancelled, the
 * half-made cluster is deleted (with a fresh signal, since the caller's has fired) before
 * the original error goes on.
 */
import { SkiffError } from '../../core/errors.js';
import type { ProviderContext } from '../cluster-types.js';

/** Cleaning up must not hang a cancel forever. */
const CLEANUP_TIMEOUT_MS = 120_000;

export async function createWithCleanup(
  ctx: ProviderContext,
  create: () => Promise<void>,
  remove: (cleanup: ProviderContext) => Promise<void>,
): Promise<void> {
  try {
    await create();
  } catch (error) {
    const cancelled = ctx.signal.aborted;
    ctx.onLog(
      cancelled
        ? 'Cancelled: deleting the partly created cluster.'
        : 'Create failed: deleting the partly created cluster.',
    );
    try {
      await remove({ ...ctx, signal: AbortSignal.timeout(CLEANUP_TIMEOUT_MS) });
    } catch (cleanupError) {
      const why = cleanupError instanceof Error ? cleanupError.message : String(cleanupError);
      ctx.onLog(`Cleanup failed, delete the cluster by hand: ${why}`);
    }
    if (cancelled && !(error instanceof SkiffError && error.code === 'CANCELLED')) {
      throw new SkiffError(
        'CANCELLED',
        'Cluster creation was cancelled; the partly created cluster was deleted.',
        {},
        { cause: error },
      );
    }
    throw error;
  }
}
