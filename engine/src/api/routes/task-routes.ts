import type { Engine } from '../../core/engine.js';
import { SkiffError } from '../../core/errors.js';
import type { TaskView } from '../contract.js';
import { sendJson } from '../http-errors.js';
import type { Route } from '../router.js';
import type { ArtifactCatalog } from './artifact-catalog.js';
import { taskLabel } from './task-label.js';

/** One task of a run with its inputs and outputs, artifacts as views with lineage. */
export function taskRoutes(engine: Engine, catalog: ArtifactCatalog): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/runs/:runId/tasks/:taskId',
      handler: ({ params, res }) => {
        const runId = params.runId ?? '';
        const taskId = params.taskId ?? '';
        const { tasks } = engine.pipelines;
        const task = tasks.get(taskId);
        if (!task || task.runId !== runId) {
          throw new SkiffError(
            'NOT_FOUND',
            `Run "${runId}" has no task "${taskId}"; GET /apis/v2beta1/runs/${runId} lists its tasks.`,
            { runId, taskId },
          );
        }
        const view: TaskView = {
          runId,
          taskId,
          name: taskLabel(task, (id) => tasks.get(id)),
          state: task.state,
          cached: task.cached,
          attempts: task.attempts,
          startedAt: task.startedAt ?? null,
          finishedAt: task.finishedAt ?? null,
          error: task.error?.message ?? null,
          inputs: catalog.ioView(task.inputs, task, 'inputs'),
          outputs: catalog.ioView(task.outputs, task, 'outputs'),
        };
        sendJson(res, 200, { task: view });
      },
    },
  ];
}
