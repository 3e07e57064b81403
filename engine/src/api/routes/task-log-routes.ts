import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Engine } from '../../core/engine.js';
import { notFound } from '../../core/errors.js';
import { sendJson } from '../http-errors.js';
import type { Route } from '../router.js';

/**
 * A task's log lines so far (`GET /api/v1/runs/:runId/tasks/:taskId/logs`); new lines
 * arrive as `task.log` events on /api/v1/events while the task runs.
 */
export function taskLogRoutes(engine: Engine): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/runs/:runId/tasks/:taskId/logs',
      handler: async ({ params, res }) => {
        const runId = params.runId ?? '';
        const taskId = params.taskId ?? '';
        // Only ids the database knows reach the file system: no path tricks.
        const task = engine.pipelines.tasks.get(taskId);
        if (!task || task.runId !== runId) throw notFound('Task', `${runId}/${taskId}`);
        const text = await readFile(
          join(engine.config.home.logs, 'runs', runId, `${taskId}.log`),
          'utf8',
        ).catch(() => '');
        sendJson(res, 200, {
          runId,
          taskId,
          lines: text === '' ? [] : text.replace(/\n$/, '').split('\n'),
        });
      },
    },
  ];
}
