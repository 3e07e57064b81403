/**
 * Exposes `window.skiff` to the UI. Runs in a sandboxed renderer, where only `electron`
 * can be required: it is compiled on its own to CommonJS (dist/preload.cjs) and imports
 * nothing else at run time. The channel names are repeated below; their type ties them
 * to bridge-contract.ts, so a mismatch fails to compile.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type {
  BRIDGE_KEY,
  BridgeArguments,
  BridgeChannels,
  BridgeMethod,
  BridgeResult,
  BridgeValues,
  SkiffBridge,
} from './bridge-contract.js';

const KEY: typeof BRIDGE_KEY = 'skiff';
const CHANNELS: BridgeChannels = {
  appVersion: 'skiff:app-version',
  openExternal: 'skiff:open-external',
  pickFile: 'skiff:pick-file',
  pickFolder: 'skiff:pick-folder',
};

async function call<M extends BridgeMethod>(
  method: M,
  ...args: BridgeArguments[M]
): Promise<BridgeValues[M]> {
  const result = (await ipcRenderer.invoke(CHANNELS[method], ...args)) as BridgeResult<
    BridgeValues[M]
  >;
  if (result.ok) return result.value;
  // Only the message is sure to survive contextBridge; the code rides along where it can.
  throw Object.assign(new Error(result.error.message), { code: result.error.code });
}

const bridge: SkiffBridge = {
  appVersion: () => call('appVersion'),
  openExternal: (url) => call('openExternal', url),
  pickFile: (options) => (options === undefined ? call('pickFile') : call('pickFile', options)),
  pickFolder: () => call('pickFolder'),
};

contextBridge.exposeInMainWorld(KEY, bridge);
