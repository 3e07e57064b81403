/**
 * A small stand-in for the `electron` module in unit tests (Electron's binary is not
 * needed to run them). Use it with
 *   vi.mock('electron', () => import('./testing/fake-electron.js'));
 * and call `resetFakeElectron()` before each test. It records what the code under test
 * did (windows created, URLs loaded, handlers registered) so tests assert on behaviour.
 */
import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent } from 'electron';
import { vi } from 'vitest';

export interface FakeEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export function fakeEvent<T extends object>(fields: T = {} as T): FakeEvent & T {
  let prevented = false;
  return Object.assign(
    {
      preventDefault: () => {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    fields,
  );
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };
type PermissionRequestHandler = (
  contents: FakeWebContents,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type PermissionCheckHandler = (
  contents: FakeWebContents | null,
  permission: string,
  requestingOrigin: string,
) => boolean;

export class FakeSession {
  requestHandler: PermissionRequestHandler | undefined;
  checkHandler: PermissionCheckHandler | undefined;
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandler = handler;
  }
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  url = '';
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
  }

  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  minimized = false;
  visible = false;
  focused = false;
  destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.url = url;
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** What the user closing the window does. */
  close(): void {
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
}

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  tooltip = '';
  menu: { template: unknown[] } | undefined;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    Tray.instances.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: { template: unknown[] }): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

class FakeApp extends EventEmitter {
  hasLock = true;
  isPackaged = false;
  readonly exitCodes: number[] = [];
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getVersion(): string {
    return '1.2.3';
  }
  /** Like Electron: emits 'before-quit'; quitting goes on only if nobody prevented it. */
  quit(): void {
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.exitCodes.push(0);
  }
  /** Like Electron: ends at once, without 'before-quit'. */
  exit(code: number): void {
    this.exitCodes.push(code);
  }
}

export const app = new FakeApp();
export const session = { defaultSession: new FakeSession() };
interface OpenDialogResult {
  canceled: boolean;
  filePaths: string[];
}
export const shell = { openExternal: vi.fn<(url: string) => Promise<void>>() };
export const dialog = {
  showErrorBox: vi.fn<(title: string, content: string) => void>(),
  showOpenDialog: vi.fn<(...args: unknown[]) => Promise<OpenDialogResult>>(),
};
export const Menu = { buildFromTemplate: (template: unknown[]) => ({ template }) };
export const nativeImage = {
  createFromPath: (path: string) => ({ path, setTemplateImage: () => undefined }),
};

type IpcListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** The event an `ipcMain.handle` listener gets for a call from a page at `senderUrl`. */
export function fakeInvokeEvent(
  senderUrl: string,
  sender: FakeWebContents = new FakeWebContents(),
): IpcMainInvokeEvent {
  return { sender, senderFrame: { url: senderUrl } } as unknown as IpcMainInvokeEvent;
}
export const ipcMain = {
  handlers: new Map<string, IpcListener>(),
  handle(channel: string, listener: IpcListener): void {
    if (this.handlers.has(channel)) throw new Error(`Second handler for ${channel}`);
    this.handlers.set(channel, listener);
  },
};

export function resetFakeElectron(): void {
  app.removeAllListeners();
  app.hasLock = true;
  app.isPackaged = false;
  app.exitCodes.length = 0;
  session.defaultSession = new FakeSession();
  BrowserWindow.instances = [];
  Tray.instances = [];
  ipcMain.handlers.clear();
  shell.openExternal.mockReset().mockResolvedValue(undefined);
  dialog.showErrorBox.mockReset();
  dialog.showOpenDialog.mockReset().mockResolvedValue({ canceled: true, filePaths: [] });
}

/**
 * The renderer side: what the preload exposes, and an `invoke` that reaches the handlers
 * registered on `ipcMain`, as if sent from a page at `senderUrl`.
 */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

export const ipcRenderer = {
  senderUrl: 'http://127.0.0.1:41234/',
  sender: new FakeWebContents(),
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = fakeInvokeEvent(this.senderUrl, this.sender);
    // Structured clone, as Electron's IPC does: no functions or class instances cross.
    return structuredClone(await handler(event, ...structuredClone(args)));
  },
};
