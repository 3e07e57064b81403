/**
 * Skiff's own engine as a remote target, end to end through the same client: add it over
 * /api/v1/targets, test, push a file, run it and watch it to SUCCEEDED, then export the
 * remote version and re-import it: the IR is identical.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PushResult, TargetTestResult, TargetView } from '../../engine/src/api/contract.js';
import { fromRunSpec } from '../../engine/src/cli/kfp-package.js';
import { launchEngine, type LaunchedEngine } from '../../engine/src/launch.js';
import { exportPackageYamlBytes } from '../../engine/src/packages/export-yaml.js';
import { importPackage } from '../../engine/src/packages/import-package.js';
import { normalizePackage } from '../../engine/src/packages/normalize-package.js';
import { pushFile, runFileOnTarget } from '../../engine/src/targets/push-file.js';
import { openTargetFromHome } from '../../engine/src/targets/target-files.js';
import { tempHome } from '../support/engine-process.js';
import { greetSpec, writeSpec } from './fixtures.js';

let engine: LaunchedEngine;
let home: string;
let token: string;

const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${engine.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
};

beforeAll(async () => {
  home = tempHome('skiff-target-e2e-');
  engine = await launchEngine({ home, port: 0 });
  token = readFileSync(join(home, 'token'), 'utf8').trim();
  await engine.engine.updateSettings({ pipelines: { executor: 'process' } });
});
afterAll(async () => {
  await engine.stop();
});

it('pushes, runs and round-trips a pipeline through Skiff itself as a target', async () => {
  const view = await api<TargetView>('PUT', '/api/v1/targets/self', {
    url: engine.url,
    auth: { type: 'bearer', token },
  });
  expect(view.auth.hint).toBe(`…${token.slice(-4)}`);
  expect(JSON.stringify(await api<TargetView[]>('GET', '/api/v1/targets'))).not.toContain(token);
  const tested = await api<TargetTestResult>('POST', '/api/v1/targets/self/test');
  expect(tested.ok).toBe(true);

  const spec = greetSpec();
  const file = writeSpec(mkdtempSync(join(tmpdir(), 'skiff-push-')), spec);
  const pushed = await pushFile(home, 'self', file, {});
  expect(pushed.uploaded).toBe(true);

  // The same pipeline pushed again by its local id through the API: nothing changes.
  const again = await api<PushResult>('POST', '/api/v1/targets/self/push', {
    pipelineId: pushed.remotePipelineId,
  });
  expect(again.unchanged).toBe(true);

  const states: string[] = [];
  const { final } = await runFileOnTarget(
    home,
    'self',
    { pipelineSpec: spec },
    {
      displayName: 'greet on self',
      parameters: { text: 'target' },
      watch: { onState: (run) => states.push(run.state ?? ''), intervalMs: 100 },
    },
  );
  expect(final?.state).toBe('SUCCEEDED');
  expect(states.at(-1)).toBe('SUCCEEDED');

  const { kfp } = await openTargetFromHome(home, 'self');
  const version = await kfp.getVersion(pushed.remotePipelineId, pushed.remoteVersionId);
  const remote = fromRunSpec(version.pipeline_spec);
  if (remote === undefined) throw new Error('the remote version has no spec');
  const reimported = importPackage(exportPackageYamlBytes(remote), 'greet.yaml');
  expect(normalizePackage(reimported)).toEqual(normalizePackage({ pipelineSpec: spec }));
}, 60_000);
