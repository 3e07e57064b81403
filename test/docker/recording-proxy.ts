import { rmSync } from 'node:fs';
import net from 'node:net';
import { resolveDockerEndpoint } from '../../engine/src/executors/dockerode-docker.js';

export interface RecordingProxy {
  socketPath: string;
  /** Request lines seen so far, e.g. `POST /v1.41/containers/create HTTP/1.1`. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A unix socket in front of the Docker daemon that passes bytes through and notes each
 * HTTP request line, so a test can prove what was (not) asked of the daemon.
 */
export async function startRecordingProxy(socketPath: string): Promise<RecordingProxy> {
  const endpoint = resolveDockerEndpoint();
  if (!('socketPath' in endpoint)) throw new Error('the recording proxy needs a socket daemon');
  const requests: string[] = [];
  const server = net.createServer((client) => {
    const daemon = net.connect(endpoint.socketPath);
    client.on('data', (chunk: Buffer) => {
      const lines = chunk.toString('latin1').match(/^(GET|POST|PUT|DELETE|HEAD) \S+ HTTP\/1\.1/gm);
      requests.push(...(lines ?? []));
    });
    client.pipe(daemon).pipe(client);
    const closeBoth = (): void => {
      client.destroy();
      daemon.destroy();
    };
    client.on('error', closeBoth);
    daemon.on('error', closeBoth);
  });
  rmSync(socketPath, { force: true });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}
