import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComponentEndpoint } from '../cluster-types.js';
import { backoffMs, chooseTarget } from './port-forward-target.js';
import { TcpPortForwarder, type TunnelOpener } from './port-forwards.js';

const endpoint = (localPort: number): ComponentEndpoint => ({
  name: 'KFP API',
  namespace: 'kubeflow',
  service: 'ml-pipeline',
  port: 8888,
  localPort,
});

/** An opener that echoes, or fails, and remembers what it forgot. */
function echoOpener(fail = false): TunnelOpener & { forgotten: number } {
  return {
    forgotten: 0,
    open(_endpoint, socket: Socket) {
      if (fail) return Promise.reject(new Error('no ready pod'));
      socket.pipe(socket);
      return Promise.resolve();
    },
    forget() {
      this.forgotten += 1;
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (received.length >= text.length) socket.end(() => resolve(received));
    });
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

let forwarder: TcpPortForwarder | undefined;
afterEach(() => forwarder?.stop());

describe('TcpPortForwarder', () => {
  it('listens on 127.0.0.1:<localPort> and tunnels each connection', async () => {
    const port = await freePort();
    forwarder = new TcpPortForwarder(() => Promise.resolve(echoOpener()));
    await forwarder.start('/kubeconfig', [endpoint(port)]);
    expect(forwarder.states()).toEqual([{ name: 'KFP API', forwarding: true }]);
    expect(await roundTrip(port, 'hello')).toBe('hello');
  });

  it('reports a failed tunnel, closes the connection and forgets the pod', async () => {
    const port = await freePort();
    const opener = echoOpener(true);
    forwarder = new TcpPortForwarder(() => Promise.resolve(opener));
    await forwarder.start('/kubeconfig', [endpoint(port)]);
    expect(await roundTrip(port, 'x')).toBe('');
    expect(forwarder.states()[0]?.lastError).toBe('no ready pod');
    expect(opener.forgotten).toBe(1);
  });

  it('says which port is taken and retries instead of failing the rest', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    forwarder = new TcpPortForwarder(() => Promise.resolve(echoOpener()));
    await forwarder.start('/kubeconfig', [endpoint(taken)]);
    expect(forwarder.states()[0]).toMatchObject({
      forwarding: false,
      lastError: expect.stringContaining(`127.0.0.1:${taken} is in use`) as unknown,
    });
    blocker.close();
  });
});

describe('port-forward targets', () => {
  it('backs off from 1 s doubling to 30 s', () => {
    expect([1, 2, 3, 6, 10].map(backoffMs)).toEqual([1000, 2000, 4000, 30_000, 30_000]);
  });

  it('picks a ready pod and resolves a named targetPort', () => {
    const target = chooseTarget(
      endpoint(1),
      { selector: { app: 'ml-pipeline' }, ports: [{ port: 8888, targetPort: 'http' }] },
      [
        { name: 'old', ready: false, deleting: false, containerPorts: [] },
        {
          name: 'new',
          ready: true,
          deleting: false,
          containerPorts: [{ name: 'http', containerPort: 8887 }],
        },
      ],
    );
    expect(target).toEqual({ pod: 'new', port: 8887 });
  });

  it('says when no pod is ready yet', () => {
    expect(() => chooseTarget(endpoint(1), { ports: [{ port: 8888 }] }, [])).toThrow(
      /No ready pod behind kubeflow\/ml-pipeline/,
    );
  });
});
