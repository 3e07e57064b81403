import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { parse as parseYaml } from 'yaml';
import { ApiError, type FakeCluster } from './fake-cluster.js';
import type { Json, StoredObject } from './json-object.js';
import { parseResourcePath, type ResourcePath } from './request-path.js';
import { groupList, resourceList, type ResourceType } from './resource-table.js';
import { serveWatch } from './watch-stream.js';

const APPLY = 'application/apply-patch+yaml';

/**
 * Plain HTTP on 127.0.0.1 speaking the parts of the Kubernetes API client-node uses:
 * version, discovery, CRUD, server-side apply, merge patch, status, watch and pod logs.
 * `crashAfterApplies` simulates the API going away mid-install; `recover` brings it back.
 */
export class FakeKubeHttpServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly watches = new Set<ServerResponse>();
  private down = false;
  private appliesUntilCrash: number | undefined;

  constructor(private readonly cluster: FakeCluster) {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.on('connection', (socket) => {
      if (this.down) return void socket.destroy();
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    return `http://127.0.0.1:${address.port}`;
  }

  crashAfterApplies(count: number): void {
    this.appliesUntilCrash = count;
  }

  recover(): void {
    this.down = false;
    this.appliesUntilCrash = undefined;
  }

  async close(): Promise<void> {
    for (const watch of this.watches) watch.end();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private crash(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (this.down) return void request.socket.destroy();
    const url = new URL(request.url ?? '/', 'http://fake');
    try {
      const body = await readBody(request);
      const discovery = this.discovery(url.pathname);
      if (discovery) return sendJson(response, 200, discovery);
      const path = parseResourcePath(url.pathname);
      const type = path && this.cluster.resolve(path.group, path.version, path.plural);
      if (!path || !type)
        throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      if (path.subresource === 'log' && request.method === 'GET')
        return this.sendLog(response, path, url);
      if (url.searchParams.get('watch') === '1' || url.searchParams.get('watch') === 'true') {
        this.watches.add(response);
        response.on('close', () => this.watches.delete(response));
        return serveWatch(this.cluster.store, type, path.namespace, url.searchParams, response);
      }
      const result = this.dispatch(request, url, path, type, body);
      sendJson(response, request.method === 'POST' ? 201 : 200, result);
      if (request.headers['content-type'] === APPLY && this.appliesUntilCrash !== undefined) {
        this.appliesUntilCrash -= 1;
        if (this.appliesUntilCrash <= 0) response.on('finish', () => this.crash());
      }
    } catch (error) {
      const apiError =
        error instanceof ApiError ? error : new ApiError(500, 'InternalError', String(error));
      sendJson(response, apiError.code, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: apiError.message,
        reason: apiError.reason,
        code: apiError.code,
      });
    }
  }

  private dispatch(
    request: IncomingMessage,
    url: URL,
    path: ResourcePath,
    type: ResourceType,
    body: string,
  ): object {
    const { namespace, name, subresource } = path;
    const method = request.method ?? 'GET';
    if (!name) {
      if (method === 'GET') return this.list(type, namespace, url.searchParams);
      if (method === 'POST') {
        this.requireNamespace(type, namespace);
        return this.cluster.create(
          type,
          namespace,
          parseBody(body) as StoredObject,
          url.searchParams.get('fieldManager') ?? 'unknown',
        );
      }
      throw new ApiError(405, 'MethodNotAllowed', `${method} is not supported on a collection`);
    }
    if (method === 'GET') return this.cluster.mustGet(type, namespace, name);
    if (method === 'DELETE') {
      const deleted = this.cluster.delete(type, namespace, name);
      return {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: { name, kind: type.plural, uid: deleted.metadata.uid },
      };
    }
    if (method === 'PUT')
      return this.cluster.replace(
        type,
        namespace,
        name,
        parseBody(body) as StoredObject,
        subresource,
      );
    if (method === 'PATCH') {
      const contentType = request.headers['content-type'] ?? '';
      if (contentType === APPLY) {
        const manager = url.searchParams.get('fieldManager');
        if (!manager)
          throw new ApiError(
            422,
            'Invalid',
            'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
          );
        this.requireNamespace(type, namespace);
        return this.cluster.apply(type, namespace, name, parseBody(body) as StoredObject, manager);
      }
      if (contentType.includes('merge-patch') || contentType.includes('strategic-merge-patch')) {
        return this.cluster.patch(type, namespace, name, parseBody(body), subresource);
      }
      throw new ApiError(
        415,
        'UnsupportedMediaType',
        `the fake does not support patch type ${contentType}`,
      );
    }
    throw new ApiError(405, 'MethodNotAllowed', `${method} is not supported`);
  }

  private list(type: ResourceType, namespace: string | undefined, params: URLSearchParams): object {
    const items = this.cluster.store.list(type, {
      namespace,
      labelSelector: params.get('labelSelector') ?? undefined,
      fieldSelector: params.get('fieldSelector') ?? undefined,
    });
    return {
      kind: `${type.kind}List`,
      apiVersion: type.group ? `${type.group}/${type.version}` : type.version,
      metadata: { resourceVersion: this.cluster.store.resourceVersion },
      items,
    };
  }

  /** Like the real server: no writes into a namespace that is missing or terminating. */
  private requireNamespace(type: ResourceType, namespace: string | undefined): void {
    if (!type.namespaced || !namespace) return;
    const namespaces = this.cluster.resolve('', 'v1', 'namespaces') as ResourceType;
    const found = this.cluster.store.get(namespaces, undefined, namespace);
    if (!found) throw new ApiError(404, 'NotFound', `namespaces "${namespace}" not found`);
    if (found.metadata.deletionTimestamp) {
      throw new ApiError(
        403,
        'Forbidden',
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }

  private sendLog(response: ServerResponse, path: ResourcePath, url: URL): void {
    const lines = this.cluster.workloads.podLog(path.namespace ?? '', path.name ?? '');
    if (!lines) throw new ApiError(404, 'NotFound', `pods "${path.name ?? ''}" not found`);
    const tail = Number(url.searchParams.get('tailLines') ?? lines.length);
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end(
      lines
        .slice(-tail)
        .map((line) => `${line}\n`)
        .join(''),
    );
  }

  private discovery(pathname: string): object | undefined {
    const path = pathname.replace(/\/$/, '');
    const types = this.cluster.types();
    if (path === '/version')
      return { major: '1', minor: '31', gitVersion: 'v1.31.0-skiff-fake', platform: 'linux/amd64' };
    if (path === '/api')
      return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
    if (path === '/api/v1') return resourceList('v1', types);
    if (path === '/apis') return groupList(types);
    const match = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
    if (!match) return undefined;
    const groupVersion = `${match[1] ?? ''}/${match[2] ?? ''}`;
    const list = resourceList(groupVersion, types) as { resources: unknown[] };
    if (list.resources.length === 0)
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    return list;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(body: string): Json {
  try {
    return JSON.parse(body) as Json;
  } catch {
    return parseYaml(body) as Json;
  }
}

function sendJson(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
