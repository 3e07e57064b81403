/** Options every command that talks to a running engine shares. */
import { resolveHomePath } from '../store/skiff-home.js';
import type { EngineLocation } from './engine-discovery.js';

export const CLIENT_OPTIONS = {
  home: { type: 'string' },
  url: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

export const CLIENT_OPTIONS_HELP = `  --home DIR   Skiff home of the engine (default $SKIFF_HOME or ~/.skiff)
  --url URL    Talk to the engine at URL instead of the one $SKIFF_HOME/engine.json names
  --json       Print JSON (errors as {"error":{"code","message"}})`;

export function engineLocation(
  values: { home?: string | undefined; url?: string | undefined },
  env: NodeJS.ProcessEnv,
): EngineLocation {
  return { home: resolveHomePath(values.home, env), url: values.url };
}
