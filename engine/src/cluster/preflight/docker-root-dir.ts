/**
 * Where the daemon keeps images and containers (`DockerRootDir`), whose disk a cluster's
 * node images fill. The Docker port's info() leaves it out, so ask the daemon directly.
 */
import {
  connector,
  withDeadline,
  type DockerConnectionOptions,
} from '../../executors/docker-daemon-connection.js';
import { isRecord } from '../../executors/docker-daemon-errors.js';

const ROOT_DIR_TIMEOUT_MS = 3000;

/** Undefined when the daemon does not say, or its disk is not this machine's (a VM). */
export async function dockerRootDir(
  options: DockerConnectionOptions = {},
): Promise<string | undefined> {
  try {
    const { docker, local } = await connector(options)();
    if (!local) return undefined;
    const info: unknown = await withDeadline(docker.info(), ROOT_DIR_TIMEOUT_MS);
    if (!isRecord(info) || typeof info.DockerRootDir !== 'string') return undefined;
    // Docker Desktop reports a path inside its VM: measuring it here would mislead.
    const os = typeof info.OperatingSystem === 'string' ? info.OperatingSystem : '';
    return os.includes('Docker Desktop') ? undefined : info.DockerRootDir;
  } catch {
    return undefined;
  }
}
