/**
 * Which images local Docker holds (an image inspect each), with their sizes, so preload
 * can say exactly what is missing before any long work starts.
 */
import {
  connector,
  FIRST_ANSWER_MS,
  withDeadline,
  type DockerConnectionOptions,
} from '../../executors/docker-daemon-connection.js';
import { fromDaemon, statusCode } from '../../executors/docker-daemon-errors.js';

export interface LocalImage {
  name: string;
  present: boolean;
  /** Bytes as `docker images` counts them; 0 when absent. */
  sizeBytes: number;
}

export async function inspectLocalImages(
  names: readonly string[],
  options: DockerConnectionOptions = {},
): Promise<LocalImage[]> {
  const { docker, where } = await connector(options)();
  const results: LocalImage[] = [];
  for (const name of names) {
    try {
      const info = await withDeadline(docker.getImage(name).inspect(), FIRST_ANSWER_MS);
      results.push({ name, present: true, sizeBytes: info.Size });
    } catch (error) {
      if (statusCode(error) !== 404) throw fromDaemon(error, where, `inspect image ${name}`);
      results.push({ name, present: false, sizeBytes: 0 });
    }
  }
  return results;
}
