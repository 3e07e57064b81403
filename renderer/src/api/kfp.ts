import { session } from '../state/session.svelte';
import { createKfpClient } from './kfp-client';

/**
 * The app's KFP client, on the same engine and session. Its own module so that only the
 * pipeline and run pages (lazy chunks) load it.
 */
export const kfp = createKfpClient({ onUnauthorized: () => session.expire() });
