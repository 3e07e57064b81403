import type { DeliveredEvent, OperationState, RunningEngine } from '@skiff/engine';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDesktopShell } from './desktop-shell.js';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  resetFakeElectron,
  session,
  Tray,
} from './testing/fake-electron.js';

const engineModule = vi.hoisted(() => {
  class SkiffError extends Error {
    constructor(
      readonly code: string,
      message: string,
    ) {
      super(message);
    }
  }
  return { launchEngine: vi.fn(), SkiffError };
});

vi.mock('electron', () => import('./testing/fake-electron.js'));
vi.mock('@skiff/engine', () => engineModule);

const ENGINE = 'http://127.0.0.1:41234';

function fakeEngine() {
  const listeners = new Set<(event: DeliveredEvent) => void>();
  let logins = 0;
  const engine = {
    url: ENGINE,
    port: 41234,
    home: '/home/me/.skiff',
    version: '0.1.0',
    createLoginUrl: () => `${ENGINE}/login?ticket=${++logins}`,
    onEvent(listener: (event: DeliveredEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: vi.fn(() => Promise.resolve()),
  } satisfies RunningEngine;
  const emit = (id: string, state: OperationState): void => {
    const time = '2025-01-01T00:00:00Z';
    const data = {
      ...{ id, kind: 'run', title: id, state, createdAt: time, updatedAt: time },
      progress: { current: 0, total: 1, message: '' },
    };
    for (const listener of listeners) listener({ type: 'operation.updated', data, time });
  };
  return { engine, emit };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type MenuItem = { label?: string; click?: () => void };
type SignalListener = NodeJS.SignalsListener;

function onlyWindow(index = 0): BrowserWindow {
  const window = BrowserWindow.instances[index];
  if (!window) throw new Error(`No window #${index} was opened`);
  return window;
}
function trayItem(label: string): MenuItem | undefined {
  const template = Tray.instances[0]?.menu?.template as MenuItem[] | undefined;
  return template?.find((item) => item.label === label);
}

describe('startDesktopShell', () => {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  let listenersBefore: Map<string, SignalListener[]>;
  let running: ReturnType<typeof fakeEngine>;

  beforeEach(() => {
    resetFakeElectron();
    running = fakeEngine();
    engineModule.launchEngine.mockReset().mockResolvedValue(running.engine);
    listenersBefore = new Map(signals.map((signal) => [signal, signalListeners(signal)]));
  });

  const signalListeners = (signal: NodeJS.Signals): SignalListener[] => process.listeners(signal);

  /** The SIGINT/SIGTERM handlers the shell added, removed from this test process. */
  function takeSignalHandlers(signal: (typeof signals)[number]): SignalListener[] {
    const added = signalListeners(signal).filter(
      (listener) => !listenersBefore.get(signal)?.includes(listener),
    );
    for (const listener of added) process.off(signal, listener);
    return added;
  }
  afterEach(() => {
    for (const signal of signals) takeSignalHandlers(signal);
  });

  it('starts the engine on a free port and opens the window on a one-time login URL', async () => {
    startDesktopShell();
    await settle();

    expect(engineModule.launchEngine).toHaveBeenCalledWith({ port: 0, rendererDir: undefined });
    expect(BrowserWindow.instances).toHaveLength(1);
    const window = onlyWindow();
    expect(window.loadedUrls).toEqual([`${ENGINE}/login?ticket=1`]);
    const preload = (window.options.webPreferences as { preload: string }).preload;
    expect(path.isAbsolute(preload) && preload.endsWith('preload.cjs')).toBe(true);
    expect(ipcMain.handlers.size).toBe(4);
    let granted: boolean | undefined;
    session.defaultSession.requestHandler?.(
      window.webContents,
      'media',
      (answer) => (granted = answer),
      { requestingUrl: `${ENGINE}/` },
    );
    expect(granted).toBe(false);
  });

  it('serves the UI from the app’s resources when packaged', async () => {
    app.isPackaged = true;
    const resourcesPath = path.join(path.sep, 'opt', 'Skiff', 'resources');
    Object.defineProperty(process, 'resourcesPath', { value: resourcesPath, configurable: true });

    startDesktopShell();
    await settle();

    expect(engineModule.launchEngine).toHaveBeenCalledWith({
      port: 0,
      rendererDir: path.join(resourcesPath, 'renderer'),
    });
  });

  it('brings the existing window back when Skiff is launched again', async () => {
    startDesktopShell();
    await settle();
    const window = onlyWindow();
    window.minimized = true;

    app.emit('second-instance', {}, ['skiff'], '/');

    expect(BrowserWindow.instances).toHaveLength(1);
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('a second Skiff quits without starting an engine', async () => {
    app.hasLock = false;

    startDesktopShell();
    await settle();

    expect(engineModule.launchEngine).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(app.exitCodes).toEqual([0]);
  });

  it('stays in the tray when the window is closed, and the tray opens it again', async () => {
    startDesktopShell();
    await settle();

    BrowserWindow.instances[0]?.close();
    app.emit('window-all-closed');
    expect(app.exitCodes).toEqual([]);
    expect(running.engine.stop).not.toHaveBeenCalled();

    trayItem('Open Skiff')?.click?.();
    expect(BrowserWindow.instances).toHaveLength(2);
    expect(BrowserWindow.instances[1]?.loadedUrls).toEqual([`${ENGINE}/login?ticket=2`]);
  });

  it('shows in the tray how many operations are running', async () => {
    startDesktopShell();
    await settle();
    expect(Tray.instances[0]?.tooltip).toBe('Skiff is running — no operations');

    running.emit('run-1', 'RUNNING');
    running.emit('run-2', 'RUNNING');
    running.emit('run-1', 'SUCCEEDED');
    running.emit('run-3', 'RUNNING');

    expect(Tray.instances[0]?.tooltip).toBe('Skiff is running — 2 operations');
    expect(trayItem('Skiff is running — 2 operations')).toBeDefined();
  });

  it('Quit stops the engine once, then exits with code 0', async () => {
    let finishStop: () => void = () => undefined;
    running.engine.stop.mockImplementation(() => new Promise((resolve) => (finishStop = resolve)));
    startDesktopShell();
    await settle();

    trayItem('Quit')?.click?.();
    app.quit();
    await settle();
    expect(running.engine.stop).toHaveBeenCalledTimes(1);
    expect(app.exitCodes).toEqual([]);

    finishStop();
    await settle();
    expect(app.exitCodes).toEqual([0]);
    expect(Tray.instances[0]?.destroyed).toBe(true);
  });

  it('stops the engine on SIGTERM, so a terminal or service manager leaves no orphans', async () => {
    startDesktopShell();
    await settle();

    for (const handler of takeSignalHandlers('SIGTERM')) handler('SIGTERM');
    await settle();

    expect(running.engine.stop).toHaveBeenCalledTimes(1);
    expect(app.exitCodes).toEqual([0]);
  });

  it('waits for an engine that is still starting before stopping it', async () => {
    let finishLaunch: (engine: RunningEngine) => void = () => undefined;
    engineModule.launchEngine.mockReturnValue(
      new Promise<RunningEngine>((resolve) => (finishLaunch = resolve)),
    );
    startDesktopShell();
    app.quit();
    await settle();
    expect(app.exitCodes).toEqual([]);

    finishLaunch(running.engine);
    await settle();
    expect(running.engine.stop).toHaveBeenCalledTimes(1);
    expect(app.exitCodes).toEqual([0]);
  });

  it('shows the engine’s own message and exits with code 1 when it cannot start', async () => {
    const message = 'Port 8888 is in use. Stop the other program or set SKIFF_PORT.';
    engineModule.launchEngine.mockRejectedValue(
      new engineModule.SkiffError('FAILED_PRECONDITION', message),
    );

    startDesktopShell();
    await settle();

    expect(dialog.showErrorBox).toHaveBeenCalledWith('Skiff could not start', message);
    expect(app.exitCodes).toEqual([1]);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('says plainly when an unexpected error stops the engine from starting', async () => {
    engineModule.launchEngine.mockRejectedValue(new TypeError('x is undefined'));

    startDesktopShell();
    await settle();

    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Skiff could not start',
      'Unexpected error while starting the engine: x is undefined',
    );
    expect(app.exitCodes).toEqual([1]);
  });
});
