/**
 * Settings → `pipelines.executor`: which executor runs the tasks of a new run.
 */
import { SkiffError } from '../core/errors.js';
import type { ExecutorKind } from './container-executor.js';

/** The `pipelines.executor` setting (same values as the API's ExecutorPreference). */
export type ExecutorPreference = 'auto' | ExecutorKind;

/**
 * `auto` is Docker when a daemon answers and host processes otherwise; `docker` demands
 * the daemon; `process` never asks for it. `dockerAnswers` throwing counts as "no".
 */
export async function chooseExecutor(
  preference: ExecutorPreference,
  dockerAnswers: () => Promise<boolean>,
): Promise<ExecutorKind> {
  if (preference === 'process') return 'process';
  const up = await dockerAnswers().catch(() => false);
  if (up) return 'docker';
  if (preference === 'auto') return 'process';
  throw new SkiffError(
    'UNAVAILABLE',
    'The Docker executor is selected but no Docker daemon answers. Start Docker (Docker Desktop, ' +
      'or `sudo systemctl start docker`), or set `pipelines.executor` to `auto` or `process` ' +
      'in Settings to run tasks as host processes.',
    { preference },
  );
}
