import type { ExecutorKind } from './container-executor.js';
import { connector, FIRST_ANSWER_MS, withDeadline } from './docker-daemon-connection.js';

/**
 * Stops what an engine killed mid-run left behind, so a task marked FAILED on restart is
 * not still running: its Docker container (removed by force) or its host process group.
 * Best effort: a container or process that is already gone is fine.
 */
export async function stopLeftoverTask(kind: ExecutorKind, id: string): Promise<void> {
  if (kind === 'process') {
    const pid = Number(id);
    if (!Number.isInteger(pid) || pid <= 1) return;
    try {
      process.kill(-pid, 'SIGKILL'); // the task ran in its own process group
    } catch {
      // already gone
    }
    return;
  }
  try {
    const { docker } = await connector({})();
    await withDeadline(docker.getContainer(id).remove({ force: true }), FIRST_ANSWER_MS);
  } catch {
    // already removed, or Docker is down (its containers are gone with it)
  }
}
