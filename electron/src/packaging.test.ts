import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const electronDir = new URL('../', import.meta.url);
const builderConfig = readFileSync(new URL('electron-builder.yml', electronDir), 'utf8');

function installedElectronVersion(): string | undefined {
  try {
    const require = createRequire(new URL('package.json', electronDir));
    const manifest = require('electron/package.json') as { version: string };
    return manifest.version;
  } catch {
    return undefined;
  }
}

describe('packaging', () => {
  const installed = installedElectronVersion();

  it.skipIf(installed === undefined)(
    'builds with the Electron version that is installed (electron-builder.yml electronVersion)',
    () => {
      expect(/^electronVersion:\s*(\S+)\s*$/m.exec(builderConfig)?.[1]).toBe(installed);
    },
  );

  it('ships the tray icons the shell loads', () => {
    for (const icon of ['tray.png', 'trayTemplate.png', 'trayTemplate@2x.png']) {
      expect(existsSync(new URL(`resources/${icon}`, electronDir)), icon).toBe(true);
    }
    expect(builderConfig).toMatch(/^\s+- resources\/\*\*\/\*$/m);
  });
});
