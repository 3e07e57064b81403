/**
 * Configures the NVIDIA Container Toolkit inside kind's GPU nodes after create: copy the
 * local .deb cache in, install it, make `nvidia` containerd's default runtime, restart.
 * Runs through the `docker` CLI (Exec port) so every command shows up in the log as typed.
 */
import { SkiffError } from '../../core/errors.js';
import type { Exec } from '../../core/ports.js';
import type { ProviderContext } from '../cluster-types.js';
import { formatCommand } from '../providers/provider-command.js';
import type { KindGpuNodeSetup } from '../providers/kind-provider.js';
import { assertGpuPackages } from './gpu-package-cache.js';

export const NODE_PACKAGE_DIR = '/opt/skiff-gpu';

/**
 * kind mounts a masked /proc/driver/nvidia into nested containers; unmounting it lets the
 * toolkit inside the node see the driver (as NVIDIA's nvkind does).
 */
export const NODE_SETUP_SCRIPT = [
  `dpkg -i ${NODE_PACKAGE_DIR}/*.deb`,
  'umount -R /proc/driver/nvidia 2>/dev/null || true',
  'nvidia-ctk runtime configure --runtime=containerd --set-as-default',
  'systemctl restart containerd',
].join('\n');

export function kindGpuNodeSetup(exec: Exec, packageDir: string): KindGpuNodeSetup {
  return async (nodes: string[], ctx: ProviderContext): Promise<void> => {
    await assertGpuPackages(packageDir);
    for (const node of nodes) {
      ctx.onLog(`Configuring the NVIDIA toolkit in node ${node}`);
      await docker(exec, ['exec', node, 'mkdir', '-p', NODE_PACKAGE_DIR], ctx);
      await docker(exec, ['cp', `${packageDir}/.`, `${node}:${NODE_PACKAGE_DIR}/`], ctx);
      await docker(exec, ['exec', node, 'sh', '-ec', NODE_SETUP_SCRIPT], ctx);
    }
  };
}

async function docker(exec: Exec, args: string[], ctx: ProviderContext): Promise<void> {
  const file = await exec.which('docker');
  if (file === undefined) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      'GPU setup of kind nodes needs the `docker` CLI on PATH. Install the Docker CLI (e.g. `sudo apt-get install docker.io`), or create the cluster without GPUs.',
    );
  }
  const commandLine = formatCommand('docker', args);
  ctx.onCommand?.(commandLine);
  const result = await exec.run(file, args, { signal: ctx.signal, onLine: ctx.onLog });
  if (result.exitCode !== 0) {
    throw new SkiffError(
      'INTERNAL',
      `\`${commandLine}\` failed with exit code ${result.exitCode}: ${result.stderr.trim().split('\n').slice(-4).join('\n')}\nCheck that the packages in the cache match the node's architecture (bundled-manifests/gpu/README.md).`,
      { command: commandLine, exitCode: result.exitCode },
    );
  }
}
