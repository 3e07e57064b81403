import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SKIFF_BIN = fileURLToPath(new URL('../../engine/bin/skiff.js', import.meta.url));

export function tempHome(prefix = 'skiff-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface EngineProcess {
  url: string;
  loginUrl: string;
  token: string;
  home: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: the crash case. */
  kill(): Promise<void>;
}

/** Runs `skiff serve` as users do, on a free port, and waits until it prints its URLs. */
export async function startEngineProcess(
  home: string,
  extraEnv: Record<string, string> = {},
): Promise<EngineProcess> {
  const child = spawn(process.execPath, [SKIFF_BIN, 'serve', '--port', '0', '--home', home], {
    env: { ...process.env, SKIFF_HOME: home, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const urls = await new Promise<{ url: string; loginUrl: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`skiff serve did not start in 20 s:\n${output}`)),
      20_000,
    );
    const check = (): void => {
      const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
      const loginUrl = /(http:\/\/\S+\/login\?ticket=\w+)/.exec(output)?.[1];
      if (url && loginUrl) {
        clearTimeout(timer);
        resolve({ url, loginUrl });
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`skiff serve exited (${code}) before starting:\n${output}`));
    });
  });
  return {
    ...urls,
    token: readFileSync(join(home, 'token'), 'utf8').trim(),
    home,
    child,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
