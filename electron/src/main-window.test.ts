import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MainWindow } from './main-window.js';
import { BrowserWindow, fakeEvent, resetFakeElectron } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const ENGINE = 'http://127.0.0.1:41234';

describe('MainWindow', () => {
  let logins: number;
  let mainWindow: MainWindow;

  beforeEach(() => {
    resetFakeElectron();
    logins = 0;
    mainWindow = new MainWindow({
      preloadPath: '/app/dist/preload.cjs',
      engineUrl: ENGINE,
      loginUrl: () => `${ENGINE}/login?ticket=${++logins}`,
    });
  });

  const only = (): BrowserWindow => {
    expect(BrowserWindow.instances).toHaveLength(1);
    return BrowserWindow.instances[0] as BrowserWindow;
  };

  it('opens one sandboxed window on a one-time login URL, shown once ready', () => {
    mainWindow.show();
    const window = only();

    expect(window.options).toMatchObject({
      webPreferences: { preload: '/app/dist/preload.cjs', sandbox: true, contextIsolation: true },
    });
    expect(window.loadedUrls).toEqual([`${ENGINE}/login?ticket=1`]);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('reveals the existing window instead of opening another', () => {
    mainWindow.show();
    const window = only();
    window.minimized = true;
    window.visible = false;

    mainWindow.show();

    expect(only()).toBe(window);
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
    expect(window.loadedUrls).toHaveLength(1);
  });

  it('opens a new window with a fresh login after the user closed the last one', () => {
    mainWindow.show();
    BrowserWindow.instances[0]?.close();

    mainWindow.show();

    expect(BrowserWindow.instances).toHaveLength(2);
    expect(BrowserWindow.instances[1]?.loadedUrls).toEqual([`${ENGINE}/login?ticket=2`]);
  });

  it('keeps the window on the engine origin', () => {
    mainWindow.show();
    const navigation = fakeEvent({ url: 'https://elsewhere.example/' });

    only().webContents.emit('will-navigate', navigation, navigation.url);

    expect(navigation.defaultPrevented).toBe(true);
  });
});
