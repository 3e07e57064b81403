import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { SkiffError } from '../core/errors.js';

/** The files and folders under $SKIFF_HOME (default ~/.skiff). */
export interface SkiffHome {
  root: string;
  database: string;
  settings: string;
  artifacts: string;
  models: string;
  logs: string;
  operationLogs: string;
  token: string;
  /** Written while an engine runs: where the CLI finds it. */
  engineInfo: string;
}

export function resolveHomePath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env.SKIFF_HOME ?? join(homedir(), '.skiff'));
}

export function homeLayout(root: string): SkiffHome {
  return {
    root,
    database: join(root, 'skiff.db'),
    settings: join(root, 'settings.json'),
    artifacts: join(root, 'artifacts'),
    models: join(root, 'models'),
    logs: join(root, 'logs'),
    operationLogs: join(root, 'logs', 'operations'),
    token: join(root, 'token'),
    engineInfo: join(root, 'engine.json'),
  };
}

/** Creates the folders; $SKIFF_HOME itself is private to the user (0700). */
export function ensureHome(root: string): SkiffHome {
  const home = homeLayout(root);
  try {
    mkdirSync(home.root, { recursive: true, mode: 0o700 });
    for (const dir of [home.artifacts, home.models, home.logs, home.operationLogs]) {
      mkdirSync(dir, { recursive: true });
    }
  } catch (error) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Cannot use ${root} as Skiff's data folder: ${(error as Error).message}. Point SKIFF_HOME (or --home) at a folder you can write.`,
      { home: root },
      { cause: error },
    );
  }
  return home;
}

/**
 * Reads the API token, creating it (mode 0600) on first start. A token file that others
 * can read is tightened back to 0600: the token is the key to everything.
 */
export function readOrCreateToken(file: string, newSecret: () => string): string {
  try {
    const token = readFileSync(file, 'utf8').trim();
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    if (token.length >= 32) return token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = newSecret();
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return token;
}

/** Writes a small private JSON file (0600), e.g. engine.json. */
export function writePrivateJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
