/**
 * The engine's port-forwards: a TCP server on 127.0.0.1:<localPort> per endpoint; each
 * connection is tunnelled to a pod behind the Service. A server that fails (port taken)
 * listens again with backoff; a tunnel that fails forgets its pod so the next connection
 * finds a fresh one (pods restart).
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { ComponentEndpoint } from '../cluster-types.js';
import type { ForwardState, PortForwarder } from './cluster-ports.js';
import { backoffMs } from './port-forward-target.js';

/** Opens one tunnel for a connection; rejects when it cannot. */
export interface TunnelOpener {
  open(endpoint: ComponentEndpoint, socket: Socket): Promise<void>;
  /** The endpoint's pod may have gone: look it up again next time. */
  forget(endpoint: ComponentEndpoint): void;
}

export type TunnelOpenerFactory = (kubeconfigPath: string) => Promise<TunnelOpener>;

interface Forward {
  endpoint: ComponentEndpoint;
  server?: Server;
  failures: number;
  retry?: NodeJS.Timeout;
  state: ForwardState;
}

export class TcpPortForwarder implements PortForwarder {
  readonly #forwards = new Map<string, Forward>();
  #generation = 0;

  constructor(
    private readonly openerFor: TunnelOpenerFactory,
    private readonly onLog: (line: string) => void = () => undefined,
  ) {}

  async start(kubeconfigPath: string, endpoints: ComponentEndpoint[]): Promise<void> {
    this.stop();
    const generation = this.#generation;
    const opener = await this.openerFor(kubeconfigPath);
    if (generation !== this.#generation) return; // stopped meanwhile
    await Promise.all(
      endpoints.map((endpoint) => {
        const forward: Forward = {
          endpoint,
          failures: 0,
          state: { name: endpoint.name, forwarding: false },
        };
        this.#forwards.set(endpoint.name, forward);
        return this.#listen(forward, opener, generation);
      }),
    );
  }

  stop(): void {
    this.#generation += 1;
    for (const forward of this.#forwards.values()) {
      clearTimeout(forward.retry);
      forward.server?.close();
    }
    this.#forwards.clear();
  }

  states(): ForwardState[] {
    return [...this.#forwards.values()].map((forward) => ({ ...forward.state }));
  }

  /** Resolves when listening or when a retry is scheduled: a busy port must not block the rest. */
  #listen(forward: Forward, opener: TunnelOpener, generation: number): Promise<void> {
    const { endpoint } = forward;
    const server = createServer((socket) => this.#connect(forward, opener, socket));
    forward.server = server;
    return new Promise((resolve) => {
      server.once('listening', () => {
        forward.failures = 0;
        forward.state = { name: endpoint.name, forwarding: true };
        this.onLog(
          `Forwarding 127.0.0.1:${endpoint.localPort} → ${endpoint.namespace}/${endpoint.service}:${endpoint.port}`,
        );
        resolve();
      });
      server.on('error', (error: NodeJS.ErrnoException) => {
        server.close();
        if (generation !== this.#generation) return resolve();
        forward.failures += 1;
        const delay = backoffMs(forward.failures);
        const reason =
          error.code === 'EADDRINUSE'
            ? `127.0.0.1:${endpoint.localPort} is in use by another program; stop it (Skiff retries in ${delay / 1000}s)`
            : `${error.message} (retrying in ${delay / 1000}s)`;
        forward.state = { name: endpoint.name, forwarding: false, lastError: reason };
        this.onLog(`${endpoint.name}: ${reason}`);
        forward.retry = setTimeout(() => {
          if (generation === this.#generation) void this.#listen(forward, opener, generation);
        }, delay);
        forward.retry.unref();
        resolve();
      });
      server.listen(endpoint.localPort, '127.0.0.1');
    });
  }

  #connect(forward: Forward, opener: TunnelOpener, socket: Socket): void {
    socket.on('error', () => undefined); // a client hanging up is not our error
    opener.open(forward.endpoint, socket).then(
      () => {
        delete forward.state.lastError;
      },
      (error: unknown) => {
        opener.forget(forward.endpoint);
        forward.state = { ...forward.state, lastError: (error as Error).message };
        this.onLog(`${forward.endpoint.name}: ${(error as Error).message}`);
        socket.destroy();
      },
    );
  }
}
