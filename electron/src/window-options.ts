/** The options of Skiff's window: a locked-down renderer that talks to main only via preload. */
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  // Electron silently ignores a relative preload path; fail loudly instead.
  if (!path.isAbsolute(preloadPath)) {
    throw new Error(`The preload script path must be absolute, got "${preloadPath}".`);
  }
  return {
    title: 'Skiff',
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      spellcheck: false,
    },
  };
}
