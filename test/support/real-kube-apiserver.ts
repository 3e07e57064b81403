import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApplyProxy } from './kube-apply-proxy.js';
import type { FakeControls, KubeApiHarness, KubeApiHarnessOptions } from './kube-api-harness.js';
import { startFakeKubelet } from './real-kube-node.js';
import { simulateWorkloads, type Call } from './real-kube-workloads.js';

/**
 * A real kube-apiserver + etcd, started envtest-style (no controller manager, no kubelet),
 * so CRD establishment, schema validation and server-side apply are Kubernetes' own. The
 * binaries come from scripts/build-kube-apiserver; keep the version in step with its default.
 */
export const KUBE_VERSION = process.env.SKIFF_KUBE_VERSION ?? 'v1.34.4';

const binDir = join(
  process.env.SKIFF_KUBE_CACHE ?? join(homedir(), '.cache/skiff/kube'),
  KUBE_VERSION,
  'bin',
);

/** Why the real API server cannot run here, or undefined when its binaries are built. */
export function realKubeApiMissing(): string | undefined {
  const missing = ['etcd', 'kube-apiserver'].filter((b) => !existsSync(join(binDir, b)));
  if (missing.length === 0) return undefined;
  return `${missing.join(' and ')} not built in ${binDir} (run scripts/build-kube-apiserver once)`;
}

/**
 * Starts the pair on free 127.0.0.1 ports. Workload readiness is simulated as in the fake
 * (options.readyDelayMs, options.neverReady); options.crdEstablishDelayMs cannot apply, as
 * Kubernetes establishes CRDs itself.
 */
export async function startRealKubeApi(
  options: KubeApiHarnessOptions = {},
): Promise<(KubeApiHarness & Partial<FakeControls>) | undefined> {
  const missing = realKubeApiMissing();
  if (missing) {
    console.warn(`[skip] real kube-apiserver harness: ${missing}.`);
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'skiff-kube-'));
  const procs: ChildProcess[] = [];
  const stoppers: Array<() => void> = [];
  const stop = async (): Promise<void> => {
    for (const stopOne of stoppers) stopOne();
    // API server first, so it does not spend its exit retrying a vanished etcd.
    for (const p of procs.reverse()) await terminate(p);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const [clientPort, peerPort, securePort] = await freePorts(3);
    const etcdUrl = `http://127.0.0.1:${clientPort}`;
    const peerUrl = `http://127.0.0.1:${peerPort}`;
    procs.push(
      launch(dir, 'etcd', [
        `--data-dir=${join(dir, 'etcd')}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=default=${peerUrl}`,
        '--unsafe-no-fsync', // test data is thrown away; fsync only slows the shared disk
      ]),
    );
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(join(dir, 'sa.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(dir, 'sa.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const token = randomBytes(24).toString('hex');
    writeFileSync(join(dir, 'tokens.csv'), `${token},skiff-admin,skiff-admin,"system:masters"\n`);
    procs.push(
      launch(dir, 'kube-apiserver', [
        `--etcd-servers=${etcdUrl}`,
        `--cert-dir=${join(dir, 'certs')}`, // it makes its own CA and serving cert there
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        `--secure-port=${securePort}`,
        `--token-auth-file=${join(dir, 'tokens.csv')}`,
        '--authorization-mode=RBAC',
        '--service-cluster-ip-range=10.0.0.0/24',
        '--service-account-issuer=https://kubernetes.default.svc',
        `--service-account-key-file=${join(dir, 'sa.pub')}`,
        `--service-account-signing-key-file=${join(dir, 'sa.key')}`,
        // No controller manager creates "default" service accounts (envtest does the same).
        '--disable-admission-plugins=ServiceAccount',
        '--allow-privileged=true',
      ]),
    );
    const server = `https://127.0.0.1:${securePort}`;
    const ca = await waitFor(() => certChain(join(dir, 'certs/apiserver.crt')), procs, dir);
    const call: Call = (...args) => kubeCall(server, ca, token, ...args);
    const ready = async (): Promise<true | undefined> =>
      (await call('GET', '/readyz')).status === 200 || undefined;
    await waitFor(ready, procs, dir);
    // The installer reaches the server through a proxy that can drop it mid-install.
    const proxy = await startApplyProxy(server, ca);
    stoppers.push(() => void proxy.stop());
    const kubeconfigPath = join(dir, 'kubeconfig');
    writeFileSync(kubeconfigPath, kubeconfig(proxy.url, undefined, token), { mode: 0o600 });
    const kubelet = await startFakeKubelet(call, join(dir, 'certs'));
    const workloads = simulateWorkloads(call, options, kubelet.setLogs);
    stoppers.push(kubelet.stop, workloads.stop);
    return {
      kubeconfigPath,
      server,
      stop,
      markReady: workloads.markReady,
      applied: proxy.applied,
      crashAfterApplies: proxy.crashAfterApplies,
      recover: proxy.recover,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function launch(dir: string, bin: string, args: string[]): ChildProcess {
  const log = openSync(join(dir, `${bin}.log`), 'a');
  const child = spawn(join(binDir, bin), args, { cwd: dir, stdio: ['ignore', log, log] });
  child.on('error', () => undefined); // reported by waitFor, which sees the process gone
  return child;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function freePorts(count: number): Promise<number[]> {
  // Held open together so the kernel cannot hand out the same port twice.
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(
    servers.map(
      (s) =>
        new Promise<number>((resolve, reject) => {
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve((s.address() as { port: number }).port));
        }),
    ),
  );
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** Polls `probe` until it yields a value; fails at once, with the log, if a process died. */
async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  procs: ChildProcess[],
  dir: string,
): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value !== undefined) return value;
    const dead = procs.find((p) => p.exitCode !== null || p.signalCode !== null);
    if (dead || Date.now() > deadline) {
      const name = dead?.spawnfile.split('/').pop() ?? 'kube-apiserver';
      const file = join(dir, `${name}.log`);
      const log = existsSync(file) ? readFileSync(file, 'utf8').slice(-3000) : '';
      throw new Error(`${name} ${dead ? 'exited' : 'not ready in 120 s'}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The serving cert and its CA, once the server has finished writing both. */
function certChain(file: string): string | undefined {
  const pem = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return pem.split('END CERTIFICATE').length > 2 ? pem : undefined;
}

function kubeCall(
  ...[server, ca, token, method, path, body, accept]: [string, string, string, ...Parameters<Call>]
): ReturnType<Call> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    accept: accept ?? 'application/json',
  };
  // PATCH here is always a status merge patch; POST and PUT send whole objects.
  if (payload)
    headers['content-type'] =
      method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(`${server}${path}`, { method, ca, headers, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req
      .on('error', reject)
      .on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.end(payload);
  });
}

function kubeconfig(server: string, ca: string | undefined, token: string): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'skiff-real',
        cluster: {
          server,
          // client-node refuses plain http (the local proxy) unless verification is off.
          ...(ca === undefined
            ? { 'insecure-skip-tls-verify': true }
            : { 'certificate-authority-data': Buffer.from(ca).toString('base64') }),
        },
      },
    ],
    users: [{ name: 'skiff-admin', user: { token } }],
    contexts: [{ name: 'skiff-real', context: { cluster: 'skiff-real', user: 'skiff-admin' } }],
    'current-context': 'skiff-real',
  });
}
