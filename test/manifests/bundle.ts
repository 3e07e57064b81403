import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  PlatformComponent,
  PlatformManifest,
} from '../../engine/src/cluster/cluster-types.js';
import {
  loadPlatformManifest,
  readComponentObjects,
  type KubeObject,
} from '../../engine/src/cluster/platform/index.js';

/** The bundled platform as the manifest checks see it: platform.yaml and every object. */

export const bundleDir = fileURLToPath(new URL('../../bundled-manifests/', import.meta.url));

export interface BundleObject {
  /** The kustomization folder the object comes from. */
  folder: string;
  /** Undefined for folders platform.yaml does not install (e.g. a smoke test). */
  component?: PlatformComponent;
  file: string;
  object: KubeObject;
}

export interface Bundle {
  platform: PlatformManifest;
  objects: BundleObject[];
}

export async function yamlFiles(): Promise<string[]> {
  const entries = await readdir(bundleDir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => relative(bundleDir, join(e.parentPath, e.name)));
}

/** Every folder with a kustomization.yaml, so checks also cover what no profile installs. */
export async function kustomizationFolders(): Promise<string[]> {
  return (await yamlFiles())
    .filter((f) => f.endsWith('/kustomization.yaml'))
    .map((f) => f.slice(0, -'/kustomization.yaml'.length))
    .sort();
}

export async function loadBundle(): Promise<Bundle> {
  const platform = await loadPlatformManifest(bundleDir);
  const objects: BundleObject[] = [];
  for (const folder of await kustomizationFolders()) {
    const component = platform.components.find((c) => c.path === folder);
    for (const o of await readComponentObjects(bundleDir, { path: folder })) {
      objects.push({ folder, component, ...o });
    }
  }
  return { platform, objects };
}

/**
 * The folders installed by the time an object is applied: its component and everything
 * that component depends on; a folder outside platform.yaml goes on a full install.
 */
export function installedBefore(
  platform: PlatformManifest,
  { folder, component }: BundleObject,
): Set<string> {
  if (!component) return new Set([folder, ...platform.components.map((c) => c.path)]);
  const found = new Set<string>([component.name]);
  const visit = (name: string): void => {
    const c = platform.components.find((candidate) => candidate.name === name);
    for (const dep of c?.dependsOn ?? []) {
      if (found.has(dep)) continue;
      found.add(dep);
      visit(dep);
    }
  };
  visit(component.name);
  return new Set(platform.components.filter((c) => found.has(c.name)).map((c) => c.path));
}
