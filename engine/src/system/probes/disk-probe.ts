/** Free space on the file system that holds $SKIFF_HOME (which may not exist yet). */
import { statfs } from 'node:fs/promises';
import path from 'node:path';

export interface DiskSpace {
  path: string;
  totalBytes: number;
  freeBytes: number;
}

export interface StatfsFacts {
  bsize: number;
  blocks: number;
  bavail: number;
}

export async function probeDisk(home: string): Promise<DiskSpace> {
  for (const candidate of selfAndAncestors(home)) {
    try {
      return diskFromStatfs(home, await statfs(candidate));
    } catch {
      // Not created yet: the nearest existing parent is on the same file system.
    }
  }
  return { path: home, totalBytes: 0, freeBytes: 0 };
}

/** Space available to an unprivileged user (`bavail`, not `bfree`). */
export function diskFromStatfs(home: string, facts: StatfsFacts): DiskSpace {
  return {
    path: home,
    totalBytes: facts.blocks * facts.bsize,
    freeBytes: facts.bavail * facts.bsize,
  };
}

export function selfAndAncestors(dir: string): string[] {
  const dirs: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    dirs.push(current);
    const parent = path.dirname(current);
    if (parent === current) return dirs;
    current = parent;
  }
}
