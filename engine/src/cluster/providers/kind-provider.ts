/**
 * The kind provider: `kind` through the Exec port for create, delete, list, kubeconfig and
 * image loads; node containers through Docker for start and stop (kind has neither).
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SkiffError } from '../../core/errors.js';
import type { Exec } from '../../core/ports.js';
import type {
  ClusterInfo,
  ClusterProvider,
  ClusterSpec,
  ProviderContext,
} from '../cluster-types.js';
import { providerClusterName, skiffClusterName } from './cluster-names.js';
import { createWithCleanup } from './create-with-cleanup.js';
import { kindConfigYaml } from './kind-config.js';
import type { KindNodeContainers } from './kind-node-containers.js';
import { writeKubeconfigFile } from './kubeconfig-file.js';
import { runTool } from './provider-command.js';

export const KIND_WAIT = '120s';

/** Installs the NVIDIA toolkit in GPU nodes after create (see gpu/kind-gpu-node-setup.ts). */
export type KindGpuNodeSetup = (nodes: string[], ctx: ProviderContext) => Promise<void>;

export interface KindProviderDeps {
  exec: Exec;
  nodes: KindNodeContainers;
  gpuNodeSetup: KindGpuNodeSetup;
  /** A `kindest/node` image present locally (offline); kind's default when absent. */
  nodeImage?: string;
}

export function createKindProvider(deps: KindProviderDeps): ClusterProvider {
  const kind = (args: readonly string[], ctx?: Partial<ProviderContext>): Promise<string> =>
    runTool(deps.exec, 'kind', args, ctx).then((result) => result.stdout);

  const clusterNames = async (): Promise<string[]> =>
    (await kind(['get', 'clusters']))
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);

  const nodeNames = async (cluster: string): Promise<string[]> =>
    (await kind(['get', 'nodes', '--name', cluster]))
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);

  const remove = async (name: string, ctx: ProviderContext): Promise<void> => {
    await kind(['delete', 'cluster', '--name', providerClusterName(name)], ctx);
  };

  return {
    name: 'kind',

    async create(spec: ClusterSpec, ctx: ProviderContext): Promise<void> {
      const cluster = providerClusterName(spec.name);
      if ((await clusterNames()).includes(cluster)) throw alreadyExists(spec.name);
      const folder = path.dirname(spec.kubeconfigPath);
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const configFile = path.join(folder, 'kind-config.yaml');
      const options = deps.nodeImage !== undefined ? { nodeImage: deps.nodeImage } : {};
      await writeFile(configFile, kindConfigYaml(spec, options), { mode: 0o600 });

      await createWithCleanup(
        ctx,
        async () => {
          await kind(
            [
              'create',
              'cluster',
              '--name',
              cluster,
              '--config',
              configFile,
              '--kubeconfig',
              spec.kubeconfigPath,
              '--wait',
              KIND_WAIT,
            ],
            ctx,
          );
          // kind writes the file itself; credentials stay readable by the user alone.
          await chmod(spec.kubeconfigPath, 0o600);
          if (spec.gpus === 'none') {
            ctx.onLog('GPUs are off for this cluster.');
            return;
          }
          const nodes = await nodeNames(cluster);
          const workers = nodes.filter((node) => !node.endsWith('-control-plane'));
          await deps.gpuNodeSetup(workers.length > 0 ? workers : nodes, ctx);
        },
        (cleanup) => remove(spec.name, cleanup),
      );
    },

    async start(name, ctx) {
      await deps.nodes.start(providerClusterName(name), ctx.signal, ctx.onLog);
    },

    async stop(name, ctx) {
      await deps.nodes.stop(providerClusterName(name), ctx.signal, ctx.onLog);
    },

    delete: remove,

    async list(): Promise<ClusterInfo[]> {
      const infos: ClusterInfo[] = [];
      for (const cluster of await clusterNames()) {
        const name = skiffClusterName(cluster);
        if (name === undefined) continue;
        const nodes = await nodeNames(cluster);
        infos.push({
          name,
          provider: 'kind',
          nodes: nodes.length,
          running: await allRunning(cluster),
        });
      }
      return infos;
    },

    async writeKubeconfig(name, file) {
      await writeKubeconfigFile(
        file,
        await kind(['get', 'kubeconfig', '--name', providerClusterName(name)]),
      );
    },

    async loadImages(name, source, ctx) {
      const cluster = providerClusterName(name);
      const args =
        'archive' in source
          ? ['load', 'image-archive', source.archive, '--name', cluster]
          : ['load', 'docker-image', ...source.images, '--name', cluster];
      await kind(args, ctx);
    },
  };

  /** Docker down reads as "not running", which is true for its containers too. */
  async function allRunning(cluster: string): Promise<boolean> {
    try {
      const nodes = await deps.nodes.list(cluster);
      return nodes.length > 0 && nodes.every((node) => node.running);
    } catch {
      return false;
    }
  }
}

export function alreadyExists(name: string): SkiffError {
  return new SkiffError(
    'ALREADY_EXISTS',
    `Cluster "${name}" already exists. Start it with \`skiff cluster start ${name}\`, or delete it first with \`skiff cluster delete ${name}\`.`,
    { name },
  );
}
