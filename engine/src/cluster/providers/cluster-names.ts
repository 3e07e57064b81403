/**
 * Skiff's clusters carry a `skiff-` prefix in kind and k3d, so `list` shows only ours and a
 * user's own clusters are never touched. Everything outside the providers uses the short name.
 */
import { SkiffError } from '../../core/errors.js';

export const CLUSTER_PREFIX = 'skiff-';

/** kind and k3d both need a DNS label; k3d adds `k3d-` and node suffixes, so keep it short. */
const NAME_PATTERN = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;

export function providerClusterName(name: string): string {
  if (!NAME_PATTERN.test(name)) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `Cluster name "${name}" is not valid: use 1-32 lowercase letters, digits and dashes, starting and ending with a letter or digit (e.g. "dev").`,
      { field: 'name', name },
    );
  }
  return `${CLUSTER_PREFIX}${name}`;
}

/** The short name of one of Skiff's clusters, or undefined for anyone else's. */
export function skiffClusterName(providerName: string): string | undefined {
  return providerName.startsWith(CLUSTER_PREFIX) && providerName.length > CLUSTER_PREFIX.length
    ? providerName.slice(CLUSTER_PREFIX.length)
    : undefined;
}
