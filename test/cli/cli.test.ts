import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SKIFF_BIN,
  startEngineProcess,
  tempHome,
  type EngineProcess,
} from '../support/engine-process.js';
import { chromiumPath, hasDocker } from '../support/requirements.js';

const run = promisify(execFile);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function skiff(args: string[], home: string): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SKIFF_BIN, ...args], {
      env: { ...process.env, SKIFF_HOME: home },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const onPath = (binary: string): boolean =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, binary)));

interface DoctorCheck {
  id: string;
  status: string;
  detail: string;
  fix?: string;
}

describe('skiff doctor', () => {
  it('reports each prerequisite as found or missing, with a fix for each missing one', async () => {
    const { code, stdout } = await skiff(['doctor', '--json'], tempHome());
    expect(code).toBe(0);
    const checks = new Map((JSON.parse(stdout) as DoctorCheck[]).map((c) => [c.id, c]));
    expect(checks.get('docker')?.status).toBe(hasDocker() ? 'ok' : 'missing');
    expect(checks.get('chromium')?.status).toBe(chromiumPath() ? 'ok' : 'missing');
    for (const tool of ['kind', 'k3d']) {
      const check = checks.get(tool);
      if (onPath(tool)) expect(check?.status).toBe('ok');
      else
        expect(check).toMatchObject({
          status: 'missing',
          fix: expect.stringMatching(/install|download/i) as unknown,
        });
    }
    if (!onPath('nvidia-smi'))
      expect(checks.get('gpu')).toMatchObject({
        status: 'missing',
        detail: expect.stringMatching(/No NVIDIA GPU/) as unknown,
      });
    for (const check of checks.values()) {
      if (check.status !== 'ok') expect(check.fix, `${check.id} has a fix`).toBeTruthy();
    }
  });
});

describe('skiff against a running engine', () => {
  let engine: EngineProcess;
  const home = tempHome();

  beforeAll(async () => {
    engine = await startEngineProcess(home);
  });

  afterAll(async () => {
    await engine.stop();
  });

  it('shows status as JSON that a script can parse', async () => {
    const { code, stdout } = await skiff(['status', '--json'], home);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ engine: { url: engine.url } });
  });

  it('sets and gets a setting through the engine', async () => {
    expect((await skiff(['settings', 'set', 'pipelines.concurrency', '12'], home)).code).toBe(0);
    const { stdout } = await skiff(['settings', 'get', 'pipelines.concurrency'], home);
    expect(stdout.trim()).toBe('12');
  });

  it('exits 2 with the engine’s message for an invalid value, and changes nothing', async () => {
    const { code, stderr } = await skiff(['settings', 'set', 'pipelines.concurrency', '0'], home);
    expect(code).toBe(2);
    expect(stderr).toMatch(/pipelines\.concurrency/);
    expect((await skiff(['settings', 'get', 'pipelines.concurrency'], home)).stdout.trim()).toBe(
      '12',
    );
  });

  it('lists and purges the task cache', async () => {
    const list = await skiff(['cache', 'list', '--json'], home);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([]);
    const purge = await skiff(['cache', 'purge'], home);
    expect(purge).toMatchObject({ code: 0, stdout: 'Purged 0 cached execution(s).\n' });
  });

  it('exits 3 for an operation that does not exist', async () => {
    expect((await skiff(['operations', 'cancel', 'no-such-operation'], home)).code).toBe(3);
  });
});

describe('skiff without an engine', () => {
  it('exits 6 and says how to start one', async () => {
    const { code, stderr } = await skiff(['status'], tempHome());
    expect(code).toBe(6);
    expect(stderr).toMatch(/Skiff is not running: start it with `skiff serve`/);
  });
});
