import { FakeCluster, type FakeClusterOptions } from './fake-cluster.js';
import { FakeKubeHttpServer } from './http-server.js';
import type { NeverReadyReason } from './workload-simulator.js';

export type { NeverReadyReason } from './workload-simulator.js';

export interface FakeKubeApiServerOptions extends FakeClusterOptions {
  /** Workloads that never become Available, and how their pod fails. */
  neverReady?: Array<{ kind: string; namespace: string; name: string; reason?: NeverReadyReason }>;
}

export interface FakeKubeApiServer {
  url: string;
  cluster: FakeCluster;
  http: FakeKubeHttpServer;
  stop(): Promise<void>;
}

/** A fake Kubernetes API server on 127.0.0.1 and a free port. */
export async function startFakeKubeApiServer(
  options: FakeKubeApiServerOptions = {},
): Promise<FakeKubeApiServer> {
  const cluster = new FakeCluster(options);
  for (const workload of options.neverReady ?? []) {
    cluster.setNeverReady(
      workload.kind,
      workload.namespace,
      workload.name,
      workload.reason ?? 'CrashLoopBackOff',
    );
  }
  const http = new FakeKubeHttpServer(cluster);
  const url = await http.listen();
  return {
    url,
    cluster,
    http,
    async stop() {
      cluster.stop();
      await http.close();
    },
  };
}
