/**
 * A fake Docker registry (Registry HTTP API v2, in memory) for the image-push tests: the
 * part of the protocol `docker push` uses — GET /v2/, blob existence checks, monolithic
 * and chunked blob uploads, manifest PUT/GET/HEAD. Plain http on 127.0.0.1, which Docker
 * treats as an insecure registry it may use without TLS.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredManifest {
  contentType: string;
  body: Buffer;
  digest: string;
}

export interface FakeDockerRegistry {
  /** `127.0.0.1:PORT`, as Docker image names spell a registry. */
  readonly address: string;
  readonly blobs: Map<string, Buffer>;
  /** Keyed `name:reference` (tag or digest). */
  readonly manifests: Map<string, StoredManifest>;
  /** `METHOD path` of every request, in order. */
  readonly requests: string[];
  manifest(name: string, reference: string): StoredManifest | undefined;
  close(): Promise<void>;
}

const UPLOAD = /^\/v2\/(.+)\/blobs\/uploads\/([^/]*)$/;
const BLOB = /^\/v2\/(.+)\/blobs\/(sha256:[a-f0-9]{64})$/;
const MANIFEST = /^\/v2\/(.+)\/manifests\/([^/]+)$/;

export async function startFakeDockerRegistry(): Promise<FakeDockerRegistry> {
  const blobs = new Map<string, Buffer>();
  const manifests = new Map<string, StoredManifest>();
  const uploads = new Map<string, Buffer>();
  const requests: string[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://registry');
    const method = req.method ?? 'GET';
    requests.push(`${method} ${url.pathname}`);
    res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
    const body = await readBody(req);
    if (url.pathname === '/v2/' || url.pathname === '/v2') return send(res, 200, {}, '{}');

    const upload = UPLOAD.exec(url.pathname);
    if (upload !== null) {
      const [, name = '', id = ''] = upload;
      const digest = url.searchParams.get('digest');
      if (method === 'POST') {
        if (digest !== null) return finish(res, name, digest, body);
        const mounted = url.searchParams.get('mount');
        if (mounted !== null && blobs.has(mounted)) return blobCreated(res, name, mounted);
        const uuid = randomUUID();
        uploads.set(uuid, body);
        return send(res, 202, uploadHeaders(name, uuid, body.length));
      }
      const sofar = uploads.get(id);
      if (sofar === undefined) return error(res, 404, 'BLOB_UPLOAD_UNKNOWN', id);
      const data = Buffer.concat([sofar, body]);
      if (method === 'PATCH') {
        uploads.set(id, data);
        return send(res, 202, uploadHeaders(name, id, data.length));
      }
      if (method === 'PUT' && digest !== null) {
        uploads.delete(id);
        return finish(res, name, digest, data);
      }
      if (method === 'DELETE') {
        uploads.delete(id);
        return send(res, 204);
      }
      return error(res, 405, 'UNSUPPORTED', `${method} on an upload`);
    }

    const blob = BLOB.exec(url.pathname);
    if (blob !== null && (method === 'HEAD' || method === 'GET')) {
      const digest = blob[2] ?? '';
      const data = blobs.get(digest);
      if (data === undefined) return error(res, 404, 'BLOB_UNKNOWN', digest);
      const headers = { 'Content-Length': String(data.length), 'Docker-Content-Digest': digest };
      return send(res, 200, headers, method === 'GET' ? data : undefined);
    }

    const manifest = MANIFEST.exec(url.pathname);
    if (manifest !== null) {
      const [, name = '', reference = ''] = manifest;
      if (method === 'PUT') {
        const digest = sha256(body);
        const stored = {
          contentType: req.headers['content-type'] ?? 'application/octet-stream',
          body,
          digest,
        };
        manifests.set(`${name}:${reference}`, stored);
        manifests.set(`${name}:${digest}`, stored);
        return send(res, 201, {
          Location: `/v2/${name}/manifests/${digest}`,
          'Docker-Content-Digest': digest,
        });
      }
      if (method === 'GET' || method === 'HEAD') {
        const stored = manifests.get(`${name}:${reference}`);
        if (stored === undefined) return error(res, 404, 'MANIFEST_UNKNOWN', reference);
        const headers = {
          'Content-Type': stored.contentType,
          'Content-Length': String(stored.body.length),
          'Docker-Content-Digest': stored.digest,
        };
        return send(res, 200, headers, method === 'GET' ? stored.body : undefined);
      }
    }
    return error(res, 404, 'NAME_UNKNOWN', url.pathname);
  };

  const finish = (res: ServerResponse, name: string, digest: string, data: Buffer): void => {
    if (sha256(data) !== digest) return error(res, 400, 'DIGEST_INVALID', digest);
    blobs.set(digest, data);
    return blobCreated(res, name, digest);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => error(res, 500, 'UNKNOWN', String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${String(port)}`,
    blobs,
    manifests,
    requests,
    manifest: (name, reference) => manifests.get(`${name}:${reference}`),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function uploadHeaders(name: string, uuid: string, length: number): Record<string, string> {
  return {
    Location: `/v2/${name}/blobs/uploads/${uuid}`,
    Range: `0-${String(Math.max(0, length - 1))}`,
    'Docker-Upload-UUID': uuid,
    'Content-Length': '0',
  };
}

function blobCreated(res: ServerResponse, name: string, digest: string): void {
  send(res, 201, { Location: `/v2/${name}/blobs/${digest}`, 'Docker-Content-Digest': digest });
}

function error(res: ServerResponse, status: number, code: string, detail: string): void {
  const body = JSON.stringify({ errors: [{ code, message: code.toLowerCase(), detail }] });
  send(res, status, { 'Content-Type': 'application/json' }, body);
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): void {
  res.writeHead(status, { 'Content-Length': String(body?.length ?? 0), ...headers });
  res.end(body);
}

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
