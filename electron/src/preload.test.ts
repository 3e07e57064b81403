import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS, type SkiffBridge } from './bridge-contract.js';
import { registerBridgeHandlers, type BridgeDeps } from './bridge-handlers.js';
import { contextBridge, ipcMain, ipcRenderer, resetFakeElectron } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

// The preload talks to the real main-process handlers through the fake IPC, so these tests
// check that both sides of the contract agree, not just each side alone.
describe('preload bridge', () => {
  let bridge: SkiffBridge;
  let openExternal: ReturnType<typeof vi.fn<BridgeDeps['openExternal']>>;

  beforeAll(async () => {
    resetFakeElectron();
    await import('./preload.js');
    bridge = contextBridge.exposed.get('skiff') as SkiffBridge;
  });

  beforeEach(() => {
    ipcMain.handlers.clear();
    ipcRenderer.senderUrl = 'http://127.0.0.1:41234/pipelines';
    openExternal = vi.fn(() => Promise.resolve());
    registerBridgeHandlers(ipcMain, {
      appVersion: () => '1.2.3',
      openExternal,
      showOpenDialog: (request) =>
        Promise.resolve(request.kind === 'folder' ? undefined : '/home/me/pipeline.yaml'),
      isTrustedSender: (url) => url.startsWith('http://127.0.0.1:41234/'),
    });
  });

  it('exposes exactly the contract’s methods as window.skiff', () => {
    expect(bridge).toBeDefined();
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(BRIDGE_CHANNELS).sort());
  });

  it('resolves to the values main answers with', async () => {
    await expect(bridge.appVersion()).resolves.toBe('1.2.3');
    await expect(
      bridge.pickFile({ filters: [{ name: 'YAML', extensions: ['yaml'] }] }),
    ).resolves.toBe('/home/me/pipeline.yaml');
    await expect(bridge.pickFile()).resolves.toBe('/home/me/pipeline.yaml');
    await expect(bridge.pickFolder()).resolves.toBeUndefined();
    await bridge.openExternal('https://www.kubeflow.org/');
    expect(openExternal).toHaveBeenCalledWith('https://www.kubeflow.org/');
  });

  it('rejects with the error main returned as data, message and code', async () => {
    const failure = bridge.openExternal('javascript:alert(1)');

    await expect(failure).rejects.toThrow('url: must use http or https, not javascript:');
    await expect(failure).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('is refused when the page is not the engine UI', async () => {
    ipcRenderer.senderUrl = 'https://evil.example/';

    await expect(bridge.appVersion()).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  it('requires nothing but electron at run time, as the sandbox demands', () => {
    const source = readFileSync(new URL('./preload.ts', import.meta.url), 'utf8');
    const runtimeImports = [
      ...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms),
    ].map((match) => match[1]);
    expect(runtimeImports).toEqual(['electron']);
  });
});
