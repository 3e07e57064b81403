/**
 * The k3d provider: every action is a `k3d` command through the Exec port. Skiff's
 * kubeconfig comes from `k3d kubeconfig get`; the user's own is never updated by k3d.
 */
import type { Exec } from '../../core/ports.js';
import type {
  ClusterInfo,
  ClusterProvider,
  ClusterSpec,
  ProviderContext,
} from '../cluster-types.js';
import { providerClusterName } from './cluster-names.js';
import { createWithCleanup } from './create-with-cleanup.js';
import { k3dCreateArgs, parseK3dClusterList, type K3dCreateOptions } from './k3d-args.js';
import { alreadyExists } from './kind-provider.js';
import { writeKubeconfigFile } from './kubeconfig-file.js';
import { runTool } from './provider-command.js';

export interface K3dProviderDeps extends K3dCreateOptions {
  exec: Exec;
}

export function createK3dProvider(deps: K3dProviderDeps): ClusterProvider {
  const k3d = (args: readonly string[], ctx?: Partial<ProviderContext>): Promise<string> =>
    runTool(deps.exec, 'k3d', args, ctx).then((result) => result.stdout);

  const list = async (): Promise<ClusterInfo[]> =>
    parseK3dClusterList(await k3d(['cluster', 'list', '-o', 'json']));

  const writeKubeconfig = async (name: string, file: string): Promise<void> => {
    await writeKubeconfigFile(file, await k3d(['kubeconfig', 'get', providerClusterName(name)]));
  };

  const remove = async (name: string, ctx: ProviderContext): Promise<void> => {
    await k3d(['cluster', 'delete', providerClusterName(name)], ctx);
  };

  return {
    name: 'k3d',

    async create(spec: ClusterSpec, ctx: ProviderContext): Promise<void> {
      const cluster = providerClusterName(spec.name);
      if ((await list()).some((info) => info.name === spec.name)) throw alreadyExists(spec.name);
      await createWithCleanup(
        ctx,
        async () => {
          await k3d(k3dCreateArgs(cluster, spec, deps), ctx);
          await writeKubeconfig(spec.name, spec.kubeconfigPath);
          if (spec.gpus === 'none') ctx.onLog('GPUs are off for this cluster.');
        },
        (cleanup) => remove(spec.name, cleanup),
      );
    },

    async start(name, ctx) {
      await k3d(['cluster', 'start', providerClusterName(name), '--wait'], ctx);
    },

    async stop(name, ctx) {
      await k3d(['cluster', 'stop', providerClusterName(name)], ctx);
    },

    delete: remove,
    list,
    writeKubeconfig,

    async loadImages(name, source, ctx) {
      const inputs = 'archive' in source ? [source.archive] : source.images;
      await k3d(['image', 'import', '-c', providerClusterName(name), ...inputs], ctx);
    },
  };
}
