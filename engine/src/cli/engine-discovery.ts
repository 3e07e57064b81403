/**
 * Finds the engine the user means: `$SKIFF_HOME/engine.json` (written by a running engine,
 * removed when it stops) or `--url`, with the token from `$SKIFF_HOME/token`.
 */
import { readFile } from 'node:fs/promises';
import { SkiffError } from '../core/errors.js';
import type { EngineInfoFile } from '../launch.js';
import { homeLayout } from '../store/skiff-home.js';
import { EngineClient, NOT_RUNNING_MESSAGE, type Fetch } from './engine-client.js';

/** Where the CLI looks for an engine and its token. */
export interface EngineLocation {
  home: string;
  /** `--url`: talk to this engine instead of the one engine.json names. */
  url?: string | undefined;
}

/** The engine that `$SKIFF_HOME/engine.json` names, if its process lives and it answers. */
export async function findRunningEngine(
  home: string,
  fetchImpl: Fetch = fetch,
): Promise<{ info: EngineInfoFile; client: EngineClient } | undefined> {
  const info = await readEngineInfo(home);
  if (info === undefined || !isProcessAlive(info.pid)) return undefined;
  const token = await readToken(home).catch(() => undefined);
  if (token === undefined) return undefined;
  const client = new EngineClient(info.url, token, fetchImpl);
  try {
    await client.health();
    return { info, client };
  } catch {
    return undefined;
  }
}

/** A client for the engine the user means, or UNAVAILABLE with how to start one. */
export async function connectEngine(
  location: EngineLocation,
  fetchImpl: Fetch = fetch,
): Promise<{ client: EngineClient; info?: EngineInfoFile }> {
  if (location.url !== undefined) {
    const token = await readToken(location.home);
    return { client: new EngineClient(location.url.replace(/\/+$/, ''), token, fetchImpl) };
  }
  const info = await readEngineInfo(location.home);
  if (info === undefined || !isProcessAlive(info.pid)) {
    throw new SkiffError('UNAVAILABLE', NOT_RUNNING_MESSAGE, { home: location.home });
  }
  const token = await readToken(location.home);
  return { client: new EngineClient(info.url, token, fetchImpl), info };
}

export async function readEngineInfo(home: string): Promise<EngineInfoFile | undefined> {
  let text: string;
  try {
    text = await readFile(homeLayout(home).engineInfo, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed) && typeof parsed.url === 'string' && typeof parsed.pid === 'number') {
      return parsed as unknown as EngineInfoFile;
    }
  } catch {
    // A half-written or foreign file: treat as no engine.
  }
  return undefined;
}

export async function readToken(home: string): Promise<string> {
  const file = homeLayout(home).token;
  try {
    const token = (await readFile(file, 'utf8')).trim();
    if (token !== '') return token;
  } catch (error) {
    const code = isRecord(error) ? error.code : undefined;
    if (code === 'EACCES') {
      throw new SkiffError(
        'PERMISSION_DENIED',
        `Cannot read the API token at ${file}: it belongs to another user. Run skiff as the user who started the engine.`,
      );
    }
  }
  throw new SkiffError(
    'UNAUTHENTICATED',
    `No API token at ${file}; the engine creates it when it starts. Start it with \`skiff serve\` or \`npm start\`.`,
  );
}

/** Signal 0 checks existence; EPERM means it exists but belongs to someone else. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isRecord(error) && error.code === 'EPERM';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
