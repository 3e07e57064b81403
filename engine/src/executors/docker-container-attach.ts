/**
 * Containers an earlier engine started (crash recovery): listing the ones Skiff manages,
 * and following one to its exit.
 */
import { SkiffError } from '../core/errors.js';
import type { ContainerRunResult, RunHooks } from './container-executor.js';
import { MANAGED_LABEL } from './docker-container-config.js';
import { removeQuietly, supervise } from './docker-container-supervision.js';
import {
  connector,
  FIRST_ANSWER_MS,
  withDeadline,
  type DockerConnectionOptions,
} from './docker-daemon-connection.js';
import { fromDaemon, statusCode } from './docker-daemon-errors.js';
import { streamOutput } from './docker-output-demuxer.js';

export interface AttachHooks extends Pick<RunHooks, 'signal' | 'onLog'> {
  /** Replay output from this time (ms since epoch); default only output from now on. */
  sinceMs?: number;
}

/** Follows a container started by an earlier engine (crash recovery) until it exits. */
export async function attachDockerContainer(
  id: string,
  hooks: AttachHooks,
  options: DockerConnectionOptions = {},
): Promise<ContainerRunResult> {
  const { docker, where } = await connector(options)();
  const container = docker.getContainer(id);
  const info = await withDeadline(container.inspect(), FIRST_ANSWER_MS).catch((error: unknown) => {
    if (statusCode(error) !== 404) throw fromDaemon(error, where, `inspect container ${id}`);
    throw new SkiffError(
      'NOT_FOUND',
      `Container ${id} no longer exists (it was removed, or Docker restarted), so its task cannot be followed. Run the task again.`,
      { id },
    );
  });
  try {
    const since = hooks.sinceMs === undefined ? { tail: 0 } : { since: unixSeconds(hooks.sinceMs) };
    const output = await container.logs({ follow: true, stdout: true, stderr: true, ...since });
    const drained = streamOutput(output, hooks.onLog);
    // Created but never started: the engine stopped between the two calls.
    if (info.State.Status === 'created') await container.start();
    return { exitCode: await supervise(container, drained, hooks.signal, id, where), id: info.Id };
  } catch (error) {
    throw fromDaemon(error, where, `follow container ${id}`);
  } finally {
    await removeQuietly(container);
  }
}

export async function listManagedContainers(
  options: DockerConnectionOptions = {},
): Promise<{ id: string; labels: Record<string, string>; running: boolean }[]> {
  const { docker, where } = await connector(options)();
  const filters = { label: [`${MANAGED_LABEL}=true`] };
  const found = await withDeadline(
    docker.listContainers({ all: true, filters }),
    FIRST_ANSWER_MS,
  ).catch((error: unknown) => {
    throw fromDaemon(error, where, 'list Skiff containers');
  });
  return found.map((c) => ({ id: c.Id, labels: c.Labels, running: c.State === 'running' }));
}

/** The `since` Docker parses: seconds, then nanoseconds after the dot. */
function unixSeconds(ms: number): string {
  const whole = Math.floor(ms);
  return `${String(Math.floor(whole / 1000))}.${String((whole % 1000) * 1e6).padStart(9, '0')}`;
}
