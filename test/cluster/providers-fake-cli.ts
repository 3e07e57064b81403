/**
 * Puts the FAKE `kind` and `k3d` from test/fakes/bin on PATH and reads back what they were
 * asked to do (one JSON line per invocation in $FAKE_CLUSTER_LOG).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FAKE_BIN = fileURLToPath(new URL('../fakes/bin', import.meta.url));

export interface FakeCall {
  tool: 'kind' | 'k3d';
  argv: string[];
  command: string;
  config?: string;
  completed?: boolean;
}

export interface FakeCli {
  dir: string;
  /** Every invocation, in order (not the fakes' own "completed" markers). */
  calls(): FakeCall[];
  restore(): void;
}

export function installFakeCli(): FakeCli {
  const dir = mkdtempSync(path.join(tmpdir(), 'skiff-providers-'));
  const saved = { PATH: process.env.PATH, log: process.env.FAKE_CLUSTER_LOG };
  const log = path.join(dir, 'calls.jsonl');
  process.env.PATH = `${FAKE_BIN}${path.delimiter}${saved.PATH ?? ''}`;
  process.env.FAKE_CLUSTER_LOG = log;
  delete process.env.FAKE_CLUSTER_HANG;
  delete process.env.FAKE_CLUSTER_FAIL;
  return {
    dir,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as FakeCall)
            .filter((call) => call.completed !== true)
        : [],
    restore: () => {
      process.env.PATH = saved.PATH;
      if (saved.log === undefined) delete process.env.FAKE_CLUSTER_LOG;
      else process.env.FAKE_CLUSTER_LOG = saved.log;
      delete process.env.FAKE_CLUSTER_HANG;
      delete process.env.FAKE_CLUSTER_FAIL;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
