import { session } from '../state/session.svelte';
import { createApiClient } from './client';

/** The app's client: same-origin, and any 401 ends the session in the UI. */
export const api = createApiClient({ onUnauthorized: () => session.expire() });
