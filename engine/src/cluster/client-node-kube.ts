import { SkiffError } from '../core/errors.js';
import type { Kube, KubeVersion } from '../core/ports.js';

/**
 * The Kube port through @kubernetes/client-node. The library is large, so it is loaded
 * only when a cluster is first used.
 */
export function createClientNodeKube(): Kube {
  return {
    async serverVersion(kubeconfigPath, context) {
      const k8s = await import('@kubernetes/client-node');
      const config = new k8s.KubeConfig();
      config.loadFromFile(kubeconfigPath);
      if (context) config.setCurrentContext(context);
      try {
        const info = await config.makeApiClient(k8s.VersionApi).getCode();
        return { gitVersion: info.gitVersion, platform: info.platform } satisfies KubeVersion;
      } catch (error) {
        throw new SkiffError(
          'UNAVAILABLE',
          `The Kubernetes API of context "${config.getCurrentContext()}" did not answer: ${(error as Error).message}. Is the cluster running? Try \`skiff cluster status\`.`,
          { kubeconfigPath },
          { cause: error },
        );
      }
    },
  };
}
