/**
 * How `skiff up` shows Skiff: the desktop app when Electron is installed and there is a
 * display, else the default browser, else nothing (the caller prints the URL).
 *
 * The desktop shell (electron/) always runs its own engine, so it is only started when no
 * engine runs yet; it then owns that engine. An engine that already runs is opened in the
 * browser, since a second shell would start a second engine on the same home.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { which } from '../executors/execa-exec.js';

export type OpenedUi =
  { how: 'desktop' } | { how: 'browser'; command: string } | { how: 'none'; reason: string };

export interface OpenOptions {
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

const ELECTRON_APP_DIR = fileURLToPath(new URL('../../../electron/', import.meta.url));

/** Starts the desktop app, detached, with this home; false when it is not usable here. */
export async function launchDesktopApp(
  options: OpenOptions & { home: string; appDir?: string },
): Promise<boolean> {
  const platform = options.platform ?? process.platform;
  if (!hasDisplay(options.env, platform)) return false;
  const electron = findElectron(options.env, options.appDir);
  if (electron === undefined) return false;
  const { execa } = await import('execa');
  const app = execa(electron.binary, [electron.appDir], {
    env: { SKIFF_HOME: options.home },
    stdio: 'ignore',
    detached: true,
    reject: false,
  });
  app.unref();
  return true;
}

/** Opens `url` in the default browser, detached. */
export async function openBrowser(url: string, options: OpenOptions): Promise<OpenedUi> {
  const platform = options.platform ?? process.platform;
  if (!hasDisplay(options.env, platform)) {
    return { how: 'none', reason: 'there is no display (DISPLAY/WAYLAND_DISPLAY unset)' };
  }
  const opener = browserOpener(platform, url);
  const openerPath = await which(opener.file, options.env);
  if (openerPath === undefined) return { how: 'none', reason: `\`${opener.file}\` was not found` };
  const { execa } = await import('execa');
  const child = execa(openerPath, opener.args, { stdio: 'ignore', detached: true, reject: false });
  child.unref();
  return { how: 'browser', command: opener.file };
}

/** Electron is usable when the shell is built and its binary was downloaded. */
export function findElectron(
  env: NodeJS.ProcessEnv,
  appDir: string = ELECTRON_APP_DIR,
): { binary: string; appDir: string } | undefined {
  if (env.SKIFF_NO_ELECTRON === '1') return undefined;
  if (!existsSync(path.join(appDir, 'dist', 'main.js'))) return undefined;
  try {
    const binary: unknown = createRequire(path.join(appDir, 'package.json'))('electron');
    if (typeof binary === 'string' && existsSync(binary)) return { binary, appDir };
  } catch {
    // The electron package throws when its binary was never downloaded.
  }
  return undefined;
}

export function browserOpener(
  platform: NodeJS.Platform,
  url: string,
): { file: string; args: string[] } {
  if (platform === 'darwin') return { file: 'open', args: [url] };
  if (platform === 'win32')
    return { file: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { file: 'xdg-open', args: [url] };
}

function hasDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform !== 'linux') return true;
  return (env.DISPLAY ?? '') !== '' || (env.WAYLAND_DISPLAY ?? '') !== '';
}
