/** Skiff's one window: created on demand, revealed when it already exists. */
import { BrowserWindow } from 'electron';
import { guardWebContents } from './web-contents-guard.js';
import { createWindowOptions } from './window-options.js';

export interface MainWindowOptions {
  preloadPath: string;
  engineUrl: string;
  /** A fresh one-time login URL; each new window signs in with its own. */
  loginUrl(): string;
}

/** The parts of a BrowserWindow that revealing needs. */
export interface RevealableWindow {
  isMinimized(): boolean;
  restore(): void;
  isVisible(): boolean;
  show(): void;
  focus(): void;
}

export function revealWindow(window: RevealableWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

export class MainWindow {
  private window: BrowserWindow | undefined;

  constructor(private readonly options: MainWindowOptions) {}

  /** Reveals the window, creating it (closed windows leave Skiff in the tray) if needed. */
  show(): void {
    if (this.window && !this.window.isDestroyed()) {
      revealWindow(this.window);
      return;
    }
    this.window = this.create();
  }

  private create(): BrowserWindow {
    const window = new BrowserWindow(createWindowOptions(this.options.preloadPath));
    guardWebContents(window.webContents, this.options.engineUrl);
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (this.window === window) this.window = undefined;
    });
    window.loadURL(this.options.loginUrl()).catch((error: unknown) => {
      console.error('Skiff could not load its window:', error);
    });
    return window;
  }
}
