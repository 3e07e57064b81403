import { createKfpRunsClient } from '../../../api/kfp-runs';
import { session } from '../../../state/session.svelte';

/** The app's KFP runs client, on the same session as the rest of the UI (lazy-loaded pages only). */
export const kfpRuns = createKfpRunsClient({ onUnauthorized: () => session.expire() });
