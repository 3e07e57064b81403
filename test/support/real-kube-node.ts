import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { join } from 'node:path';
import type { Call } from './real-kube-workloads.js';

export const NODE_NAME = 'skiff-node';

/**
 * A Node whose "kubelet" is an HTTPS server here that only serves container logs, so that
 * `pods/log` goes through the real API server's kubelet proxy as on a cluster. It reuses the
 * API server's generated serving cert: the API server does not verify kubelets unless told.
 */
export async function startFakeKubelet(
  call: Call,
  certDir: string,
): Promise<{ setLogs: (ns: string, pod: string, lines: string[]) => void; stop: () => void }> {
  const logs = new Map<string, string[]>();
  const server = createServer(
    {
      cert: readFileSync(join(certDir, 'apiserver.crt')),
      key: readFileSync(join(certDir, 'apiserver.key')),
    },
    (req, res) => {
      const url = new URL(req.url ?? '/', 'https://kubelet');
      const [, what, ns, pod] = url.pathname.split('/');
      const lines = what === 'containerLogs' ? logs.get(`${ns}/${pod}`) : undefined;
      if (!lines) return void res.writeHead(404).end('not found');
      const tail = Number(url.searchParams.get('tailLines') ?? lines.length);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(
        lines
          .slice(-tail)
          .map((l) => `${l}\n`)
          .join(''),
      );
    },
  );
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
  const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: NODE_NAME } };
  const created = await call('POST', '/api/v1/nodes', node);
  if (created.status !== 201) throw new Error(`node: ${created.status} ${created.text}`);
  const status = {
    addresses: [{ type: 'InternalIP', address: '127.0.0.1' }],
    daemonEndpoints: { kubeletEndpoint: { Port: port } },
  };
  await call('PATCH', `/api/v1/nodes/${NODE_NAME}/status`, { status });
  return {
    setLogs: (ns, pod, lines) => void logs.set(`${ns}/${pod}`, lines),
    stop: () => void server.close(),
  };
}

interface Discovery {
  items?: Array<{
    metadata: { name?: string };
    versions: Array<{
      version: string;
      resources: Array<{ resource: string; scope: string; verbs: string[] }>;
    }>;
  }>;
}

/**
 * The namespace controller's job: once a namespace is being deleted, delete what is in it
 * and drop its "kubernetes" finalizer so it goes. Without this it stays Terminating forever.
 */
export async function finalizeNamespaces(call: Call): Promise<void> {
  const list = await call('GET', '/api/v1/namespaces');
  if (list.status !== 200) return;
  const namespaces = (
    JSON.parse(list.text) as {
      items: Array<{ metadata: { name: string; deletionTimestamp?: string } }>;
    }
  ).items.filter((ns) => ns.metadata.deletionTimestamp);
  if (namespaces.length === 0) return;
  const collections: string[] = [];
  const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
  for (const root of ['/api', '/apis']) {
    const found = await call('GET', root, undefined, accept);
    for (const group of (JSON.parse(found.text) as Discovery).items ?? []) {
      const version = group.versions[0];
      const prefix = group.metadata.name ? `/apis/${group.metadata.name}` : '/api';
      for (const r of version?.resources ?? []) {
        if (r.scope === 'Namespaced' && r.verbs.includes('deletecollection')) {
          collections.push(`${prefix}/${version?.version}/namespaces/NS/${r.resource}`);
        }
      }
    }
  }
  for (const { metadata } of namespaces) {
    for (const path of collections) await call('DELETE', path.replace('NS', metadata.name));
    await call('PUT', `/api/v1/namespaces/${metadata.name}/finalize`, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: metadata.name },
      spec: { finalizers: [] },
    });
  }
}
