import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { request } from 'node:https';
import type { Socket } from 'node:net';

/** The crash controls of the fake API server, for a real one: see FakeControls. */
export interface ApplyProxy {
  url: string;
  applied: () => string[];
  crashAfterApplies: (count: number) => void;
  recover: () => void;
  stop: () => Promise<void>;
}

/**
 * A plain-HTTP proxy in front of a real kube-apiserver that records each server-side
 * apply ("Kind namespace/name") and can drop every connection after a number of applies,
 * as an API server going away mid-install would. Only the installer goes through it.
 */
export async function startApplyProxy(target: string, ca: string): Promise<ApplyProxy> {
  const applied: string[] = [];
  let allowed = Infinity;
  const sockets = new Set<Socket>();
  const down = (): boolean => applied.length >= allowed;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (down()) {
        req.socket.destroy();
        return;
      }
      const body = Buffer.concat(chunks);
      const apply = isApply(req) ? applyRef(body) : undefined;
      forward(target, ca, req, body, res, () => {
        if (apply !== undefined) applied.push(apply);
        if (down()) for (const socket of sockets) socket.destroy();
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    applied: () => [...applied],
    crashAfterApplies: (count) => (allowed = applied.length + count),
    recover: () => (allowed = Infinity),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const isApply = (req: IncomingMessage): boolean =>
  req.method === 'PATCH' && (req.headers['content-type'] ?? '').includes('apply-patch');

function applyRef(body: Buffer): string | undefined {
  try {
    const object = JSON.parse(body.toString('utf8')) as {
      kind?: string;
      metadata?: { name?: string; namespace?: string };
    };
    const { name, namespace } = object.metadata ?? {};
    return `${object.kind ?? '?'} ${namespace ? `${namespace}/` : ''}${name ?? '?'}`;
  } catch {
    return undefined; // a YAML body: not what client-node sends
  }
}

function forward(
  target: string,
  ca: string,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
  onAnswered: () => void,
): void {
  const upstream = request(
    new URL(req.url ?? '/', target),
    { method: req.method, headers: { ...req.headers, host: new URL(target).host }, ca },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('end', onAnswered);
    },
  );
  upstream.on('error', () => res.destroy());
  upstream.end(body);
}
