/**
 * In-memory cluster ports for tests (unit, API and browser): they record every call and
 * can be scripted to fail or to hang until cancelled, so failure paths are exercised.
 */
import type { ClusterResourceUsage, ProfileSummary } from '../../../api/contract.js';
import type {
  ClusterInfo,
  ClusterProvider,
  ComponentEndpoint,
  PlatformProfile,
  PreflightReport,
  ProviderName,
} from '../../cluster-types.js';
import type { ClusterPorts, ForwardState } from '../cluster-ports.js';

export type ScriptedAction =
  | 'preflight'
  | 'create'
  | 'start'
  | 'stop'
  | 'delete'
  | 'writeKubeconfig'
  | 'preload'
  | 'install'
  | 'forward'
  | 'health'
  | 'loadImages'
  | 'save';

export interface ScriptedOptions {
  /** Pause between components during install (browser tests watch progress). */
  installStepMs?: number;
  components?: string[];
}

export const SCRIPTED_ENDPOINTS: ComponentEndpoint[] = [
  {
    name: 'KFP UI',
    namespace: 'kubeflow',
    service: 'ml-pipeline-ui',
    port: 80,
    localPort: 18080,
    path: '/',
  },
  { name: 'KFP API', namespace: 'kubeflow', service: 'ml-pipeline', port: 8888, localPort: 18888 },
  {
    name: 'Grafana',
    namespace: 'monitoring',
    service: 'grafana',
    port: 3000,
    localPort: 13000,
    path: '/',
  },
];

const GIB = 1024 ** 3;
export const SCRIPTED_PROFILES: ProfileSummary[] = [
  {
    name: 'lite',
    description: 'KFP, Katib, KServe, monitoring',
    components: ['kfp', 'katib', 'kserve'],
    memoryBytes: 8 * GIB,
    cpus: 4,
    images: 3,
  },
  {
    name: 'full',
    description: 'lite plus Istio, Dex and the dashboard',
    components: ['kfp', 'katib', 'kserve', 'istio'],
    memoryBytes: 16 * GIB,
    cpus: 8,
    images: 4,
  },
];

export class ScriptedClusterPorts {
  readonly calls: string[] = [];
  readonly script = new Map<ScriptedAction, 'fail' | 'hang'>();
  readonly clusters = new Map<string, ClusterInfo>();
  preflightReport: PreflightReport = {
    ok: true,
    checks: [{ id: 'docker', title: 'Docker', status: 'ok', detail: 'Docker 27 answers' }],
  };
  forwards: ForwardState[] = [];
  readonly ports: ClusterPorts;

  constructor(private readonly options: ScriptedOptions = {}) {
    this.ports = this.#build();
  }

  /** Runs a scripted action: fails, hangs until aborted, or succeeds. */
  async act(action: ScriptedAction, detail: string, signal?: AbortSignal): Promise<void> {
    this.calls.push(`${action} ${detail}`.trim());
    const behaviour = this.script.get(action);
    if (behaviour === 'fail') throw new Error(`${action} failed (scripted)`);
    if (behaviour === 'hang') {
      await new Promise<never>((_, reject) => {
        const abort = (): void =>
          reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        if (signal?.aborted) abort();
        signal?.addEventListener('abort', abort, { once: true });
      });
    }
  }

  #provider(name: ProviderName): ClusterProvider {
    return {
      name,
      create: async (spec, ctx) => {
        ctx.onCommand?.(`${name} create cluster --name ${spec.name}`);
        ctx.onLog(`Creating ${spec.nodes} node(s)`);
        await this.act('create', spec.name, ctx.signal);
        this.clusters.set(spec.name, {
          name: spec.name,
          provider: name,
          nodes: spec.nodes,
          running: true,
        });
      },
      start: async (cluster, ctx) => {
        await this.act('start', cluster, ctx.signal);
        this.#setRunning(cluster, true);
      },
      stop: async (cluster, ctx) => {
        await this.act('stop', cluster, ctx.signal);
        this.#setRunning(cluster, false);
      },
      delete: async (cluster, ctx) => {
        await this.act('delete', cluster, ctx.signal);
        this.clusters.delete(cluster);
      },
      list: () => Promise.resolve([...this.clusters.values()].filter((c) => c.provider === name)),
      writeKubeconfig: (cluster) => this.act('writeKubeconfig', cluster),
      loadImages: (cluster, _source, ctx) => this.act('loadImages', cluster, ctx.signal),
    };
  }

  #setRunning(name: string, running: boolean): void {
    const info = this.clusters.get(name);
    if (info) this.clusters.set(name, { ...info, running });
  }

  #build(): ClusterPorts {
    const providers = { kind: this.#provider('kind'), k3d: this.#provider('k3d') };
    const components = this.options.components ?? ['kfp', 'katib', 'kserve'];
    const usage: ClusterResourceUsage = {
      nodes: 1,
      pods: 12,
      cpuCapacityMillis: 4000,
      memoryCapacityBytes: 8 * GIB,
      cpuUsedMillis: 900,
      memoryUsedBytes: 3 * GIB,
    };
    return {
      providers: { get: (name) => providers[name] },
      preflight: {
        run: async (spec, profile, signal) => {
          await this.act('preflight', `${spec.provider} ${profile}`, signal);
          return this.preflightReport;
        },
      },
      installer: {
        install: async (kubeconfig, profile, ctx) => {
          await this.act('install', profile, ctx.signal);
          for (const [index, component] of components.entries()) {
            ctx.onProgress({
              component,
              phase: 'applying',
              message: 'server-side apply',
              done: index,
              total: components.length,
            });
            await pause(this.options.installStepMs ?? 0, ctx.signal);
            ctx.onProgress({
              component,
              phase: 'ready',
              message: 'Available',
              done: index + 1,
              total: components.length,
            });
          }
        },
        health: async () => {
          await this.act('health', '');
          return components.map((component) => ({
            component,
            ready: true,
            detail: '1/1 replicas ready',
            restarts: 0,
          }));
        },
      },
      preloader: {
        preload: (_provider, cluster, profile, ctx) =>
          this.act('preload', `${cluster} ${profile}`, ctx.signal),
      },
      archive: {
        list: (images) =>
          Promise.resolve(images.map((image) => ({ image, present: !image.includes('missing') }))),
        save: (images, archive, ctx) => this.act('save', `${images.length} ${archive}`, ctx.signal),
      },
      forwarder: {
        start: async (_kubeconfig, endpoints) => {
          await this.act('forward', endpoints.map((endpoint) => endpoint.localPort).join(','));
          this.forwards = endpoints.map((endpoint) => ({ name: endpoint.name, forwarding: true }));
        },
        stop: () => {
          this.calls.push('forward-stop');
          this.forwards = [];
        },
        states: () => this.forwards,
      },
      catalog: {
        profiles: () => Promise.resolve(SCRIPTED_PROFILES),
        endpoints: () => Promise.resolve(SCRIPTED_ENDPOINTS),
        images: (profile: PlatformProfile) =>
          Promise.resolve([`registry.local/${profile}/kfp:2.5`, 'registry.local/katib:0.18']),
      },
      machine: {
        providers: () =>
          Promise.resolve({ kind: { found: true, version: '0.27.0' }, k3d: { found: false } }),
        gpus: () =>
          Promise.resolve({ nvidiaSmi: false, devices: [], error: 'nvidia-smi was not found' }),
      },
      usage: { usage: () => Promise.resolve(usage) },
    };
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      },
      { once: true },
    );
  });
}
