import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startFakeKubeApiServer,
  type NeverReadyReason,
} from '../fakes/fake-kube-apiserver/index.js';

/** A Kubernetes API to test cluster code against: the fake here, or a real kube-apiserver. */
export interface KubeApiHarness {
  /** A kubeconfig (mode 0600) whose current context is this API server. */
  kubeconfigPath: string;
  server: string;
  /** Makes a workload Available now (a real apiserver has no controllers to do it). */
  markReady(kind: string, namespace: string, name: string): Promise<void>;
  stop(): Promise<void>;
}

/** What a harness simulates; a real-apiserver harness honours these with its own controller. */
export interface KubeApiHarnessOptions {
  crdEstablishDelayMs?: number;
  readyDelayMs?: number;
  neverReady?: Array<{ kind: string; namespace: string; name: string; reason?: NeverReadyReason }>;
}

/** Only the fake can do these; suites skip the cases that need them on other harnesses. */
export interface FakeControls {
  /** Server-side applies in order, as "Kind namespace/name". */
  applied(): string[];
  /** When a CRD became Established (ms since epoch), and when an object was first applied. */
  establishedAt(crdName: string): number | undefined;
  firstAppliedAt(ref: string): number | undefined;
  /** Drops every connection and refuses new ones after `count` more applies. */
  crashAfterApplies(count: number): void;
  recover(): void;
}

export type KubeApiHarnessFactory = (
  options: KubeApiHarnessOptions,
) => Promise<KubeApiHarness & Partial<FakeControls>>;

export async function startFakeKubeApi(
  options: KubeApiHarnessOptions = {},
): Promise<KubeApiHarness & FakeControls> {
  const fake = await startFakeKubeApiServer(options);
  const dir = await mkdtemp(join(tmpdir(), 'skiff-fake-kube-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  await writeFile(kubeconfigPath, kubeconfig(fake.url), { mode: 0o600 });
  await chmod(kubeconfigPath, 0o600);
  const { cluster, http } = fake;
  return {
    kubeconfigPath,
    server: fake.url,
    markReady: (kind, namespace, name) => Promise.resolve(cluster.markReady(kind, namespace, name)),
    applied: () => [...cluster.applied],
    establishedAt: (name) => cluster.establishedAt.get(name),
    firstAppliedAt: (ref) => cluster.appliedAt.find((entry) => entry.ref === ref)?.at,
    crashAfterApplies: (count) => http.crashAfterApplies(count),
    recover: () => http.recover(),
    async stop() {
      await fake.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function kubeconfig(server: string): string {
  return `apiVersion: v1
kind: Config
clusters:
  - name: fake
    cluster:
      server: ${server}
      # client-node refuses plain http unless TLS checks are off; the fake has no TLS.
      insecure-skip-tls-verify: true
users:
  - name: fake
    user:
      token: fake-token
contexts:
  - name: fake
    context:
      cluster: fake
      user: fake
current-context: fake
`;
}
