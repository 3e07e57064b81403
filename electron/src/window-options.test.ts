import { describe, expect, it } from 'vitest';
import { createWindowOptions } from './window-options.js';

describe('createWindowOptions', () => {
  const options = createWindowOptions('/opt/skiff/dist/preload.cjs');

  it('isolates and sandboxes the renderer, with no Node.js anywhere in it', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/opt/skiff/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and turns off webviews and insecure content', () => {
    expect(options.webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('starts hidden so the window appears only once it has content', () => {
    expect(options.show).toBe(false);
  });

  it('refuses a relative preload path, which Electron would silently ignore', () => {
    expect(() => createWindowOptions('dist/preload.cjs')).toThrow(/must be absolute/);
  });
});
