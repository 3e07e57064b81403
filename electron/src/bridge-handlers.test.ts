import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS, type BridgeMethod } from './bridge-contract.js';
import {
  electronBridgeDeps,
  openDialogOptions,
  registerBridgeHandlers,
  type BridgeDeps,
} from './bridge-handlers.js';
import {
  BrowserWindow,
  dialog,
  fakeInvokeEvent,
  FakeWebContents,
  ipcMain,
  resetFakeElectron,
} from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const ENGINE = 'http://127.0.0.1:41234';

describe('registerBridgeHandlers', () => {
  let deps: {
    appVersion: ReturnType<typeof vi.fn<BridgeDeps['appVersion']>>;
    openExternal: ReturnType<typeof vi.fn<BridgeDeps['openExternal']>>;
    showOpenDialog: ReturnType<typeof vi.fn<BridgeDeps['showOpenDialog']>>;
    isTrustedSender: BridgeDeps['isTrustedSender'];
  };

  beforeEach(() => {
    resetFakeElectron();
    deps = {
      appVersion: vi.fn(() => '1.2.3'),
      openExternal: vi.fn(() => Promise.resolve()),
      showOpenDialog: vi.fn(() => Promise.resolve('/home/me/pipeline.yaml')),
      isTrustedSender: (url) => url.startsWith(`${ENGINE}/`),
    };
    registerBridgeHandlers(ipcMain, deps);
  });

  function invoke(method: BridgeMethod, args: unknown[], senderUrl = `${ENGINE}/runs`) {
    const handler = ipcMain.handlers.get(BRIDGE_CHANNELS[method]);
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler(fakeInvokeEvent(senderUrl), ...args);
  }

  it('registers one handler per channel of the contract', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
  });

  it('answers valid calls with their value as data', async () => {
    await expect(invoke('appVersion', [])).resolves.toEqual({ ok: true, value: '1.2.3' });
    await expect(invoke('openExternal', ['https://www.kubeflow.org/'])).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    expect(deps.openExternal).toHaveBeenCalledWith('https://www.kubeflow.org/');
  });

  it.each([
    ['openExternal', [42], 'url', /url: must be a string/],
    ['openExternal', ['file:///etc/passwd'], 'url', /url: must use http or https, not file:/],
    ['openExternal', ['/relative'], 'url', /url: must be an absolute URL/],
    ['openExternal', [], 'url', /url: must be a string/],
    ['appVersion', ['extra'], 'arguments', /arguments: expected at most 0, got 1/],
    ['pickFolder', [{}], 'arguments', /arguments: expected at most 0/],
    ['pickFile', ['*.yaml'], 'options', /options: must be an object/],
    ['pickFile', [{ multiple: true }], 'options.multiple', /is not a known option/],
    ['pickFile', [{ title: 7 }], 'options.title', /must be a string/],
    ['pickFile', [{ filters: 'yaml' }], 'options.filters', /must be an array/],
    [
      'pickFile',
      [{ filters: [{ name: 'YAML', extensions: ['yaml', '.yml'] }] }],
      'options.filters[0].extensions[1]',
      /without the dot/,
    ],
    [
      'pickFile',
      [{ filters: [{ extensions: ['yaml'] }] }],
      'options.filters[0].name',
      /must be a string/,
    ],
  ] as const)('%s(%j) is refused, naming %s', async (method, args, field, message) => {
    const result = await invoke(method, [...args]);

    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field } });
    expect(result).toHaveProperty('error.message', expect.stringMatching(message));
    expect(deps.openExternal).not.toHaveBeenCalled();
    expect(deps.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses pages other than the engine UI', async () => {
    const result = await invoke('openExternal', ['https://example.com/'], 'https://evil.example/');

    expect(result).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(deps.openExternal).not.toHaveBeenCalled();
  });

  it('returns a failure inside main as data instead of rejecting', async () => {
    deps.showOpenDialog.mockRejectedValueOnce(new Error('no display'));

    await expect(invoke('pickFolder', [])).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'no display' },
    });
  });

  it('passes only the checked options on to the dialog', async () => {
    const filters = [{ name: 'Pipelines', extensions: ['yaml', 'yml', 'json'] }];

    const result = await invoke('pickFile', [{ title: 'Upload pipeline', filters }]);

    expect(result).toEqual({ ok: true, value: '/home/me/pipeline.yaml' });
    expect(deps.showOpenDialog.mock.calls[0]?.[0]).toEqual({
      kind: 'file',
      options: { title: 'Upload pipeline', filters },
    });
  });
});

describe('openDialogOptions', () => {
  it('asks for one file, with the caller’s title and filters', () => {
    const filters = [{ name: 'Models', extensions: ['onnx'] }];
    expect(openDialogOptions({ kind: 'file', options: { title: 'Model', filters } })).toEqual({
      properties: ['openFile'],
      title: 'Model',
      filters,
    });
  });

  it('asks for a folder', () => {
    expect(openDialogOptions({ kind: 'folder' }).properties).toContain('openDirectory');
  });
});

describe('electronBridgeDeps', () => {
  beforeEach(() => resetFakeElectron());

  it('shows the dialog over the calling window and returns the chosen path', async () => {
    const window = new BrowserWindow({});
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/data/x.csv'] });

    const chosen = await electronBridgeDeps(ENGINE).showOpenDialog(
      { kind: 'file', options: {} },
      window.webContents as unknown as WebContents,
    );

    expect(chosen).toBe('/data/x.csv');
    expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toBe(window);
  });

  it('returns undefined when the dialog is cancelled', async () => {
    const chosen = await electronBridgeDeps(ENGINE).showOpenDialog(
      { kind: 'folder' },
      new FakeWebContents() as unknown as WebContents,
    );
    expect(chosen).toBeUndefined();
  });

  it('trusts only pages served by the engine', () => {
    const deps = electronBridgeDeps(ENGINE);
    expect(deps.isTrustedSender(`${ENGINE}/pipelines`)).toBe(true);
    expect(deps.isTrustedSender('http://127.0.0.1:8888/lab')).toBe(false);
    expect(deps.isTrustedSender('')).toBe(false);
  });
});
