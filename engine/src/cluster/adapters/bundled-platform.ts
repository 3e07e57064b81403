import { fileURLToPath } from 'node:url';
import type { ProfileSummary } from '../../api/contract.js';
import type { ComponentEndpoint, PlatformProfile } from '../cluster-types.js';
import { loadPlatformManifest, profileComponents, profileFigures } from '../platform/index.js';
import type { PlatformCatalog } from '../service/cluster-ports.js';

/** bundled-manifests/, from engine/src/cluster/adapters or engine/dist/cluster/adapters alike. */
export const BUNDLE_DIR = fileURLToPath(new URL('../../../../bundled-manifests/', import.meta.url));

const PROFILES: readonly PlatformProfile[] = ['lite', 'full'];

/** The bundled platform as the cluster service sees it: profiles, endpoints, images. */
export function createBundledCatalog(bundleDir = BUNDLE_DIR): PlatformCatalog {
  return {
    async profiles(): Promise<ProfileSummary[]> {
      const platform = await loadPlatformManifest(bundleDir);
      return Promise.all(
        PROFILES.map(async (name) => {
          const figures = await profileFigures(bundleDir, platform, name);
          return {
            name,
            description: platform.profiles[name].description,
            components: profileComponents(platform, name).map((c) => c.name),
            memoryBytes: figures.memoryRequests,
            cpus: figures.cpuRequests,
            images: figures.images.length,
          };
        }),
      );
    },
    async endpoints(profile): Promise<ComponentEndpoint[]> {
      const platform = await loadPlatformManifest(bundleDir);
      return profileComponents(platform, profile).flatMap((c) => c.endpoints ?? []);
    },
    async images(profile): Promise<string[]> {
      const platform = await loadPlatformManifest(bundleDir);
      const images = profileComponents(platform, profile).flatMap((c) => c.images);
      return [...new Set(images)].sort();
    },
  };
}
