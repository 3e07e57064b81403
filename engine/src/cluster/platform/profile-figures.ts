import type { PlatformManifest, PlatformProfile } from '../cluster-types.js';
import { readComponentObjects } from './component-objects.js';
import { profileComponents } from './platform-manifest.js';
import { steadyRequests } from './workload-resources.js';

/**
 * What a profile asks of the machine, read from the manifests themselves so the figures
 * in the README and the preflight's memory check cannot drift from what is installed.
 */
export interface ProfileFigures {
  profile: PlatformProfile;
  components: number;
  /** Summed steady-state memory requests, bytes. */
  memoryRequests: number;
  /** Summed steady-state CPU requests, cores. */
  cpuRequests: number;
  /** Every image to preload, each once, in install order. */
  images: string[];
}

export async function profileFigures(
  bundleDir: string,
  platform: PlatformManifest,
  profile: PlatformProfile,
): Promise<ProfileFigures> {
  const components = profileComponents(platform, profile);
  let memoryRequests = 0;
  let cpuRequests = 0;
  for (const component of components) {
    for (const { object } of await readComponentObjects(bundleDir, component)) {
      memoryRequests += steadyRequests(object, 'memory');
      cpuRequests += steadyRequests(object, 'cpu');
    }
  }
  const images = [...new Set(components.flatMap((c) => c.images))];
  return { profile, components: components.length, memoryRequests, cpuRequests, images };
}

/** `4.73 GiB`: how the figures are printed. */
export function formatGiB(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
}
