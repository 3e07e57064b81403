import type { Engine } from '../../core/engine.js';
import { notFound } from '../../core/errors.js';
import { sendJson } from '../http-errors.js';
import type { Route } from '../router.js';
import { ArtifactCatalog } from './artifact-catalog.js';
import { artifactContentRoute } from './artifact-content.js';
import { taskRoutes } from './task-routes.js';

/** The run-detail and compare pages' reads: tasks with their IO, artifacts with lineage, bytes. */
export function artifactRoutes(engine: Engine): Route[] {
  const { tasks, artifacts, runs } = engine.pipelines;
  const catalog = new ArtifactCatalog(tasks, artifacts);
  return [
    ...taskRoutes(engine, catalog),
    {
      method: 'GET',
      path: '/api/v1/runs/:runId/artifacts',
      handler: ({ params, res }) => {
        const runId = params.runId ?? '';
        if (!runs.get(runId)) throw notFound('Run', runId);
        sendJson(res, 200, { artifacts: catalog.listByRun(runId, tasks.listByRun(runId)) });
      },
    },
    {
      method: 'GET',
      path: '/api/v1/artifacts/:artifactId',
      handler: ({ params, res }) => {
        const artifactId = params.artifactId ?? '';
        const artifact = catalog.get(artifactId);
        if (!artifact) throw notFound('Artifact', artifactId);
        sendJson(res, 200, { artifact });
      },
    },
    artifactContentRoute(engine, catalog),
  ];
}
