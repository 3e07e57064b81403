/**
 * The local folder of NVIDIA Container Toolkit .deb files that GPU nodes are set up from,
 * since nothing may be downloaded: $SKIFF_HOME/gpu/packages (bundled-manifests/gpu/README.md).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { SkiffError } from '../../core/errors.js';

export const REQUIRED_PACKAGES = [
  'nvidia-container-toolkit',
  'nvidia-container-toolkit-base',
  'libnvidia-container-tools',
  'libnvidia-container1',
] as const;

export function gpuPackageCacheDir(home: string): string {
  return path.join(home, 'gpu', 'packages');
}

/** The packages missing from the folder (by Debian file name `<package>_<version>_<arch>.deb`). */
export async function missingGpuPackages(dir: string): Promise<string[]> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch {
    files = [];
  }
  const present = new Set(
    files.filter((file) => file.endsWith('.deb')).map((file) => file.split('_')[0]),
  );
  return REQUIRED_PACKAGES.filter((name) => !present.has(name));
}

export async function assertGpuPackages(dir: string): Promise<void> {
  const missing = await missingGpuPackages(dir);
  if (missing.length === 0) return;
  throw new SkiffError('FAILED_PRECONDITION', gpuPackagesMessage(dir, missing), { dir, missing });
}

export function gpuPackagesMessage(dir: string, missing: readonly string[]): string {
  return `GPU nodes are set up offline from ${dir}, which lacks ${missing.join(', ')}. On a connected machine with NVIDIA's apt repository run \`apt-get download ${REQUIRED_PACKAGES.join(' ')}\` and copy the .deb files there (bundled-manifests/gpu/README.md), or create the cluster without GPUs.`;
}
