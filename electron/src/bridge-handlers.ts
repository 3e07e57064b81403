/**
 * The main-process side of `window.skiff`: validates what the renderer sends and answers
 * with data (`{ ok, value }` or `{ ok: false, error }`), never a thrown error.
 */
import {
  app,
  BrowserWindow,
  dialog,
  shell,
  type IpcMain,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type WebContents,
} from 'electron';
import {
  InvalidArgument,
  parseExternalUrl,
  parseNoArguments,
  parsePickFileOptions,
} from './bridge-arguments.js';
import {
  BRIDGE_CHANNELS,
  type BridgeMethod,
  type BridgeResult,
  type BridgeValues,
  type PickFileOptions,
} from './bridge-contract.js';
import { isSameOrigin } from './navigation-policy.js';

export type OpenDialogRequest = { kind: 'file'; options: PickFileOptions } | { kind: 'folder' };

export interface BridgeDeps {
  appVersion(): string;
  openExternal(url: string): Promise<void>;
  /** Shows an open dialog over the window of `sender`; undefined when cancelled. */
  showOpenDialog(request: OpenDialogRequest, sender: WebContents): Promise<string | undefined>;
  /** Whether a page at `url` may use the bridge: the engine's own UI only. */
  isTrustedSender(url: string): boolean;
}

type Handler<M extends BridgeMethod> = (
  args: unknown[],
  sender: WebContents,
) => BridgeValues[M] | Promise<BridgeValues[M]>;

function createHandlers(deps: BridgeDeps): { [M in BridgeMethod]: Handler<M> } {
  return {
    appVersion: (args) => {
      parseNoArguments(args);
      return deps.appVersion();
    },
    openExternal: async (args) => {
      await deps.openExternal(parseExternalUrl(args));
      return undefined;
    },
    pickFile: (args, sender) =>
      deps.showOpenDialog({ kind: 'file', options: parsePickFileOptions(args) }, sender),
    pickFolder: (args, sender) => {
      parseNoArguments(args);
      return deps.showOpenDialog({ kind: 'folder' }, sender);
    },
  };
}

async function answer<T>(
  event: IpcMainInvokeEvent,
  deps: BridgeDeps,
  run: () => T | Promise<T>,
): Promise<BridgeResult<T>> {
  const senderUrl = event.senderFrame?.url ?? '';
  if (!deps.isTrustedSender(senderUrl)) {
    return {
      ok: false,
      error: { code: 'PERMISSION_DENIED', message: 'Only the Skiff window may use this bridge.' },
    };
  }
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof InvalidArgument) {
      return {
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: error.message, field: error.field },
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'INTERNAL', message } };
  }
}

/** Registers one `ipcMain.handle` per bridge channel. */
export function registerBridgeHandlers(ipc: Pick<IpcMain, 'handle'>, deps: BridgeDeps): void {
  const handlers = createHandlers(deps);
  for (const method of Object.keys(BRIDGE_CHANNELS) as BridgeMethod[]) {
    const handler = handlers[method];
    ipc.handle(BRIDGE_CHANNELS[method], (event: IpcMainInvokeEvent, ...args: unknown[]) =>
      answer(event, deps, () => handler(args, event.sender)),
    );
  }
}

export function openDialogOptions(request: OpenDialogRequest): OpenDialogOptions {
  if (request.kind === 'folder') return { properties: ['openDirectory', 'createDirectory'] };
  const { title, defaultPath, filters } = request.options;
  return {
    properties: ['openFile'],
    ...(title === undefined ? {} : { title }),
    ...(defaultPath === undefined ? {} : { defaultPath }),
    ...(filters === undefined ? {} : { filters }),
  };
}

/** The bridge's dependencies, backed by Electron, for the UI served at `engineUrl`. */
export function electronBridgeDeps(engineUrl: string): BridgeDeps {
  return {
    appVersion: () => app.getVersion(),
    openExternal: (url) => shell.openExternal(url),
    async showOpenDialog(request, sender) {
      const owner = BrowserWindow.fromWebContents(sender);
      const options = openDialogOptions(request);
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    },
    isTrustedSender: (url) => isSameOrigin(url, engineUrl),
  };
}
