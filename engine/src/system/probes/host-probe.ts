/** Host facts only `skiff doctor` needs: a browser, inotify limits, a writable home. */
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import type { Exec } from '../../core/ports.js';
import { selfAndAncestors } from './disk-probe.js';

export const CHROMIUM_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
] as const;

export async function findChromium(exec: Exec): Promise<string | undefined> {
  for (const name of CHROMIUM_NAMES) {
    const found = await exec.which(name);
    if (found !== undefined) return found;
  }
  return undefined;
}

export interface InotifyLimits {
  maxUserWatches?: number;
  maxUserInstances?: number;
}

/** Linux only; undefined elsewhere. A value that cannot be read stays undefined. */
export async function readInotifyLimits(
  platform: NodeJS.Platform = process.platform,
  procDir = '/proc/sys/fs/inotify',
): Promise<InotifyLimits | undefined> {
  if (platform !== 'linux') return undefined;
  const [maxUserWatches, maxUserInstances] = await Promise.all([
    readNumber(`${procDir}/max_user_watches`),
    readNumber(`${procDir}/max_user_instances`),
  ]);
  return {
    ...(maxUserWatches !== undefined ? { maxUserWatches } : {}),
    ...(maxUserInstances !== undefined ? { maxUserInstances } : {}),
  };
}

async function readNumber(file: string): Promise<number | undefined> {
  try {
    const value = Number((await readFile(file, 'utf8')).trim());
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export interface HomeAccess {
  path: string;
  exists: boolean;
  writable: boolean;
}

/** Whether Skiff can write its home, or create it under the nearest existing parent. */
export async function checkHomeAccess(home: string): Promise<HomeAccess> {
  const candidates = selfAndAncestors(home);
  for (const [index, dir] of candidates.entries()) {
    try {
      await access(dir, constants.F_OK);
    } catch {
      continue;
    }
    try {
      await access(dir, constants.W_OK);
      return { path: home, exists: index === 0, writable: true };
    } catch {
      return { path: home, exists: index === 0, writable: false };
    }
  }
  return { path: home, exists: false, writable: false };
}
