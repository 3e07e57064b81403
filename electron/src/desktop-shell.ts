/**
 * Skiff's desktop shell: wires the small modules beside it to Electron. The engine runs in
 * this process on a free port, the window shows the engine's UI, the tray shows what the
 * engine is doing, and quitting stops the engine before the process exits.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, session } from 'electron';
import { launchEngine, type RunningEngine } from '@skiff/engine';
import { createAppTray, type AppTray } from './app-tray.js';
import { electronBridgeDeps, registerBridgeHandlers } from './bridge-handlers.js';
import { MainWindow } from './main-window.js';
import { createQuitSequence } from './quit-sequence.js';
import { claimSingleInstance } from './single-instance.js';
import { describeStartupFailure, STARTUP_FAILURE_TITLE } from './startup-failure.js';
import { guardPermissions } from './web-contents-guard.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const resources = path.join(here, '..', 'resources');
const trayIcon = path.join(
  resources,
  process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png',
);

type EngineStart = { engine: RunningEngine } | { error: unknown };

/** Starts Skiff in this Electron main process; a second Skiff hands over and quits. */
export function startDesktopShell(): void {
  let window: MainWindow | undefined;
  if (!claimSingleInstance(() => window?.show())) {
    app.quit();
    return;
  }
  // Held for the life of the app: a garbage-collected Tray disappears from the screen.
  let tray: AppTray | undefined;

  const engineStart: Promise<EngineStart> = launchEngine({
    port: 0,
    // Packaged apps carry the built UI as an extra resource; in development the engine
    // finds the renderer workspace's dist/ itself.
    rendererDir: app.isPackaged ? path.join(process.resourcesPath, 'renderer') : undefined,
  }).then(
    (engine) => ({ engine }),
    (error: unknown) => ({ error }),
  );

  const quitSequence = createQuitSequence({
    async stop() {
      const started = await engineStart;
      tray?.dispose();
      if ('engine' in started) await started.engine.stop();
    },
    exit: (code) => app.exit(code),
    onStopProblem: (problem) => console.error('Skiff did not stop cleanly:', problem),
  });
  app.on('before-quit', (event) => quitSequence.handleBeforeQuit(event));
  // Closing the window leaves Skiff in the tray; only Quit ends it.
  app.on('window-all-closed', () => undefined);
  app.on('activate', () => window?.show());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void quitSequence.quit(0));
  }

  void app.whenReady().then(async () => {
    const started = await engineStart;
    if ('error' in started) {
      dialog.showErrorBox(STARTUP_FAILURE_TITLE, describeStartupFailure(started.error));
      await quitSequence.quit(1);
      return;
    }
    const { engine } = started;
    guardPermissions(session.defaultSession, engine.url);
    registerBridgeHandlers(ipcMain, electronBridgeDeps(engine.url));
    const mainWindow = new MainWindow({
      preloadPath: path.join(here, 'preload.cjs'),
      engineUrl: engine.url,
      loginUrl: () => engine.createLoginUrl(),
    });
    window = mainWindow;
    tray = createAppTray(engine, trayIcon, {
      open: () => mainWindow.show(),
      quit: () => app.quit(),
    });
    mainWindow.show();
  });
}
