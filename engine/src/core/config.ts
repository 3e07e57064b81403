import { invalidArgument } from './errors.js';

export interface ListenConfig {
  host: string;
  port: number;
}

export interface ListenSources {
  flags: { host?: string | undefined; port?: number | undefined };
  env: NodeJS.ProcessEnv;
  settingsPort: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Where the API listens: flags, then SKIFF_HOST/SKIFF_PORT, then settings. */
export function resolveListenConfig({ flags, env, settingsPort }: ListenSources): ListenConfig {
  const port = flags.port ?? parsePort(env.SKIFF_PORT, 'SKIFF_PORT') ?? settingsPort;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw invalidArgument('--port', `${port} is not a port; use 0–65535 (0 picks a free one)`);
  }
  const host = flags.host ?? env.SKIFF_HOST ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && env.SKIFF_ALLOW_REMOTE !== '1') {
    throw invalidArgument(
      '--host',
      `${host} would expose Skiff beyond this machine; keep 127.0.0.1, or set SKIFF_ALLOW_REMOTE=1 if you really mean it`,
    );
  }
  return { host, port };
}

function parsePort(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw invalidArgument(name, `"${value}" is not a port; use 0–65535`);
  }
  return port;
}
