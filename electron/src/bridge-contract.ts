/**
 * The contract between the preload script and the main process: channel names, argument
 * and result types. The renderer sees only `SkiffBridge` (as `window.skiff`); everything
 * else it needs goes through the engine's HTTP API.
 *
 * The sandboxed preload cannot load this file at run time, so it imports types only and
 * repeats the channel names as a `BridgeChannels` literal the compiler checks against
 * `BRIDGE_CHANNELS`.
 */

/** The property of `window` the bridge is exposed on. */
export const BRIDGE_KEY = 'skiff';

export const BRIDGE_CHANNELS = {
  appVersion: 'skiff:app-version',
  openExternal: 'skiff:open-external',
  pickFile: 'skiff:pick-file',
  pickFolder: 'skiff:pick-folder',
} as const;

export type BridgeChannels = typeof BRIDGE_CHANNELS;
export type BridgeMethod = keyof BridgeChannels;

export interface FileFilter {
  /** Shown in the dialog, e.g. "Pipelines". */
  name: string;
  /** Extensions without the dot, e.g. ["yaml", "yml"]; "*" for all files. */
  extensions: string[];
}

export interface PickFileOptions {
  title?: string;
  defaultPath?: string;
  filters?: FileFilter[];
}

/** Arguments of each bridge method, as the renderer passes them. */
export interface BridgeArguments {
  appVersion: [];
  openExternal: [url: string];
  pickFile: [options?: PickFileOptions];
  pickFolder: [];
}

/** What each bridge method resolves to; `undefined` when a dialog was cancelled. */
export interface BridgeValues {
  appVersion: string;
  openExternal: undefined;
  pickFile: string | undefined;
  pickFolder: string | undefined;
}

/** A subset of the engine's error codes; errors cross the IPC boundary as data. */
export type BridgeErrorCode = 'INVALID_ARGUMENT' | 'PERMISSION_DENIED' | 'INTERNAL';

export interface BridgeError {
  code: BridgeErrorCode;
  message: string;
  /** The argument at fault, for INVALID_ARGUMENT. */
  field?: string;
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** `window.skiff` in the renderer. Failed calls reject with an Error carrying the message. */
export type SkiffBridge = {
  [M in BridgeMethod]: (...args: BridgeArguments[M]) => Promise<BridgeValues[M]>;
};
