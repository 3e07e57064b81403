/** How many bytes an output artifact takes: one file, or every file under a folder. */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Undefined when nothing exists at `target` (a remote URI, or an output never written). */
export async function artifactSize(target: string): Promise<number | undefined> {
  if (!path.isAbsolute(target)) return undefined;
  try {
    return await sizeOf(target);
  } catch {
    return undefined;
  }
}

async function sizeOf(target: string): Promise<number> {
  const info = await lstat(target);
  if (!info.isDirectory()) return info.isFile() ? info.size : 0;
  const entries = await readdir(target);
  const sizes = await Promise.all(entries.map((entry) => sizeOf(path.join(target, entry))));
  return sizes.reduce((total, size) => total + size, 0);
}
