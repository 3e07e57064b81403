/** The engine's public entry: what the CLI, the Electron shell and tests import. */
export { createEngine, type Engine } from './core/engine.js';
export {
  launchEngine,
  type LaunchedEngine,
  type LaunchOptions,
  type RunningEngine,
} from './launch.js';
export { SkiffError, type ErrorCode } from './core/errors.js';
export type * from './api/contract.js';
