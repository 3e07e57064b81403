/**
 * The fake KFP server held to the real client: `kfp.Client` from `.venv/` runs
 * test/python/kfp_client_e2e.py (upload, upload_version, experiment, runs from a version and
 * from a package, wait, list, get) against test/fakes/fake-kfp-server, and the fake records
 * no request the KFP swagger refuses and no answer that breaks it. Without the venv the
 * file is skipped (SKIFF_REQUIRE_PYTHON_PEERS=1: fails).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKfpServer, type FakeKfpServer } from '../fakes/fake-kfp-server/index.js';
import { compileTestPipelines, runClientDriver } from '../support/python-peers.js';
import { havePeerVenv } from './support.js';

const peers = havePeerVenv();
const TOKEN = 'fake-kfp-token';

interface Summary {
  healthz: { multi_user?: boolean };
  pipeline: { pipeline_id: string; display_name: string; id_by_name: string };
  version: { pipeline_version_id: string; listed_ids: string[] };
  experiment: { experiment_id: string; again_id: string };
  runs: { via: string; run_id: string; state: string; finished: boolean }[];
  waited_states: string[];
  listed_runs_total: number;
  all_runs_total: number;
  listed_pipelines: { pipeline_id: string }[];
}

describe.skipIf(!peers)('kfp.Client drives the fake KFP server', () => {
  let work = '';
  let kfp: FakeKfpServer | undefined;
  let summary: Summary;
  let stderr = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'skiff-kfp-fake-'));
    const { typed_params: pipelineFile = '' } = compileTestPipelines(
      ['typed_params'],
      join(work, 'compiled'),
    );
    kfp = await startFakeKfpServer({
      tokens: { [TOKEN]: '' },
      runTimeline: { pendingMs: 200, runningMs: 500, outcome: 'SUCCEEDED' },
    });
    // kfp.Client reads ~/.config/kfp/context.json; give it an empty home of its own.
    const home = join(work, 'home');
    mkdirSync(home);
    const result = await runClientDriver(
      [
        '--host',
        kfp.url,
        '--token',
        TOKEN,
        '--pipeline-file',
        pipelineFile,
        '--params-json',
        '{"x": 2}',
        '--timeout',
        '60',
      ],
      { ...process.env, HOME: home, PYTHONDONTWRITEBYTECODE: '1' },
    );
    stderr = result.stderr;
    if (result.code !== 0) {
      throw new Error(
        `kfp_client_e2e.py exited ${result.code}:\n${result.stderr}\nfake failures: ${JSON.stringify(kfp.failures, null, 2)}`,
      );
    }
    summary = JSON.parse(result.stdout) as Summary;
  }, 240_000);

  afterAll(async () => {
    await kfp?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('sends only requests the KFP swagger allows, and gets only answers it promises', () => {
    expect(kfp?.failures, stderr).toEqual([]);
  });

  it('uploads, versions and finds the pipeline again by name and in the list', () => {
    expect(summary.healthz.multi_user).toBe(false);
    expect(summary.pipeline.id_by_name).toBe(summary.pipeline.pipeline_id);
    expect(summary.version.listed_ids).toHaveLength(2);
    expect(summary.version.listed_ids).toContain(summary.version.pipeline_version_id);
    expect(summary.listed_pipelines.map((p) => p.pipeline_id)).toContain(
      summary.pipeline.pipeline_id,
    );
    expect(summary.experiment.again_id).toBe(summary.experiment.experiment_id);
  });

  it('waits for both runs to succeed and lists them by experiment and in all', () => {
    expect(summary.waited_states).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(summary.runs.map((r) => [r.state, r.finished])).toEqual([
      ['SUCCEEDED', true],
      ['SUCCEEDED', true],
    ]);
    expect(summary.listed_runs_total).toBe(1);
    expect(summary.all_runs_total).toBe(2);
  });
});
