import { createPipelineVersionsClient } from '../../../api/kfp-pipeline-versions';
import { session } from '../../../state/session.svelte';

/** Version upload and delete on the app's engine and session (see api/kfp.ts). */
export const pipelineVersions = createPipelineVersionsClient({
  onUnauthorized: () => session.expire(),
});
