import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Engine } from '../../core/engine.js';
import { notFound } from '../../core/errors.js';
import { sendJson } from '../http-errors.js';
import type { Route } from '../router.js';
import { attachment, flag } from './artifact-content.js';

/**
 * A task's log lines so far (`GET /api/v1/runs/:runId/tasks/:taskId/logs`); new lines
 * arrive as `task.log` events on /api/v1/events while the task runs. `?download=1`
 * answers the raw log file as `<run>-<task>.log` instead.
 */
export function taskLogRoutes(engine: Engine): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/runs/:runId/tasks/:taskId/logs',
      handler: async ({ params, url, req, res }) => {
        const runId = params.runId ?? '';
        const taskId = params.taskId ?? '';
        // Only ids the database knows reach the file system: no path tricks.
        const task = engine.pipelines.tasks.get(taskId);
        if (!task || task.runId !== runId) throw notFound('Task', `${runId}/${taskId}`);
        const file = join(engine.config.home.logs, 'runs', runId, `${taskId}.log`);
        if (flag(url.searchParams.get('download'), 'download')) {
          // A task that printed nothing (or has not started) has no file: an empty log.
          const size = await stat(file).then(
            (s) => s.size,
            () => 0,
          );
          res.writeHead(200, {
            'content-type': 'text/plain; charset=utf-8',
            'content-length': size,
            'content-disposition': attachment(`${runId}-${taskId}.log`),
            'cache-control': 'no-store',
          });
          if (size === 0 || req.method === 'HEAD') {
            res.end();
            return;
          }
          // Lines written after the stat are left for the next download.
          await pipeline(createReadStream(file, { end: size - 1 }), res);
          return;
        }
        const text = await readFile(file, 'utf8').catch(() => '');
        sendJson(res, 200, {
          runId,
          taskId,
          lines: text === '' ? [] : text.replace(/\n$/, '').split('\n'),
        });
      },
    },
  ];
}
