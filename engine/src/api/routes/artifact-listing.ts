import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArtifactDirectoryListing } from '../contract.js';

export const MAX_LISTED_FILES = 1000;

/**
 * The files under a directory artifact, relative to the artifact, sorted. Symlinks are
 * left out (they may point outside the artifact), and so is anything past `max` files.
 */
export async function listArtifactDirectory(
  base: string,
  directory: string = base,
  max = MAX_LISTED_FILES,
): Promise<ArtifactDirectoryListing> {
  const entries: ArtifactDirectoryListing['entries'] = [];
  const prefix = directory === base ? '' : `${directory.slice(base.length + 1)}/`;
  // Resolves true when the cap cut the walk short.
  const walk = async (folder: string, relative: string): Promise<boolean> => {
    const children = await readdir(folder, { withFileTypes: true });
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      if (entries.length >= max) return true;
      const path = `${relative}${child.name}`;
      if (child.isDirectory()) {
        if (await walk(join(folder, child.name), `${path}/`)) return true;
      } else if (child.isFile()) {
        const { size } = await lstat(join(folder, child.name));
        entries.push({ path: `${prefix}${path}`.replaceAll('\\', '/'), sizeBytes: size });
      }
    }
    return false;
  };
  const truncated = await walk(directory, '');
  return truncated ? { entries, truncated } : { entries };
}
