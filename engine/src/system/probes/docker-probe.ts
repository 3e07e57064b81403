/** The Docker daemon's facts through the port, never throwing: unreachable is a fact too. */
import type { DockerStatus } from '../../api/contract.js';
import type { Docker } from '../../core/ports.js';

export async function probeDocker(docker: Docker): Promise<DockerStatus> {
  try {
    const info = await docker.info();
    return {
      reachable: true,
      version: info.serverVersion,
      operatingSystem: info.operatingSystem,
      cpus: info.cpus,
      memoryBytes: info.memoryBytes,
      runtimes: info.runtimes,
      nvidiaRuntime: info.runtimes.includes('nvidia'),
      cgroupVersion: info.cgroupVersion,
    };
  } catch (error) {
    return { reachable: false, error: error instanceof Error ? error.message : String(error) };
  }
}
