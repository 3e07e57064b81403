import type { Route } from '../../router.js';
import { experimentRoutes } from './experiment-routes.js';
import { createKfpContext, type KfpDeps } from './kfp-context.js';
import { pipelineRoutes } from './pipeline-routes.js';
import { pipelineVersionRoutes } from './pipeline-version-routes.js';
import { recurringRunRoutes } from './recurring-run-routes.js';
import { runRoutes } from './run-routes.js';
import { uploadRoutes } from './upload-routes.js';

export type { KfpDeps } from './kfp-context.js';

/**
 * KFP's REST API v2beta1 (pipelines, versions, experiments, runs, recurring runs), so that
 * `kfp.Client(host=..., existing_token=...)` works against Skiff. See docs/kfp-api.md.
 */
export function kfpRoutes(deps: KfpDeps): Route[] {
  const ctx = createKfpContext(deps);
  return [
    // Literal paths before `/pipelines/:pipelineId`, which would match them too.
    ...uploadRoutes(ctx),
    ...pipelineRoutes(ctx),
    ...pipelineVersionRoutes(ctx),
    ...experimentRoutes(ctx),
    ...runRoutes(ctx),
    ...recurringRunRoutes(ctx),
  ];
}
