/**
 * Acceptance: the real KFP SDK as a peer. `kfp.Client(host=<engine URL>,
 * existing_token=<token>)` from `.venv/` uploads a pipeline (and a second version),
 * creates an experiment, starts runs from the stored version and from the package,
 * waits for them and lists and gets runs and pipelines — all through
 * test/python/kfp_client_e2e.py against a real engine with the process executor.
 *
 * The package is compiled from test/python/pipelines/typed_params.py at test time.
 * Without the venv the file is skipped (SKIFF_REQUIRE_PYTHON_PEERS=1: fails).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compileTestPipelines,
  runClientDriver,
  startPeerEngine,
  type PeerEngine,
} from '../support/python-peers.js';
import { havePeerVenv } from './support.js';

const peers = havePeerVenv();
const PARAMS = {
  x: 2,
  factor: 0.5,
  label: 'client',
  flags: ['z'],
  opts: { bonus: 10 },
  enabled: true,
};

interface RunSummary {
  via: 'run_pipeline' | 'package';
  run_id: string;
  display_name: string;
  experiment_id: string;
  state: string;
  error: unknown;
  finished: boolean;
  pipeline_version_reference: { pipeline_id: string; pipeline_version_id: string } | null;
  has_pipeline_spec: boolean;
  runtime_parameters: Record<string, unknown> | null;
  tasks: {
    display_name: string;
    state: string;
    outputs: Record<string, { artifact_ids?: string[] }>;
  }[];
}

interface Summary {
  healthz: { multi_user?: boolean };
  pipeline: {
    pipeline_id: string;
    display_name: string;
    id_by_name: string;
    got: { pipeline_id: string; display_name: string };
  };
  version: {
    pipeline_version_id: string;
    display_name: string;
    got_display_name: string;
    listed_ids: string[];
  };
  experiment: { experiment_id: string; display_name: string; again_id: string };
  runs: RunSummary[];
  waited_states: string[];
  package_run_experiment_id: string;
  listed_runs: { run_id: string; state: string }[];
  listed_runs_total: number;
  all_runs_total: number;
  listed_pipelines: { pipeline_id: string; display_name: string }[];
}

describe.skipIf(!peers)('kfp.Client drives the engine', () => {
  let work = '';
  let started: PeerEngine | undefined;
  let summary: Summary;
  const peer = (): PeerEngine => {
    if (!started) throw new Error('the engine did not start');
    return started;
  };

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${peer().engine.url}/apis/v2beta1${path}`, {
      headers: { authorization: `Bearer ${peer().token}` },
    });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const run = (via: RunSummary['via']): RunSummary => {
    const found = summary.runs.find((r) => r.via === via);
    if (!found) throw new Error(`no ${via} run in ${JSON.stringify(summary.runs)}`);
    return found;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'skiff-kfp-client-'));
    const { typed_params: pipelineFile = '' } = compileTestPipelines(
      ['typed_params'],
      join(work, 'compiled'),
    );
    const { engine, token } = (started = await startPeerEngine(
      'process',
      'skiff-kfp-client-engine-',
    ));
    // kfp.Client reads ~/.config/kfp/context.json; give it an empty home of its own.
    const home = join(work, 'home');
    mkdirSync(home);
    const result = await runClientDriver(
      [
        '--host',
        engine.url,
        '--token',
        token,
        '--pipeline-file',
        pipelineFile,
        '--params-json',
        JSON.stringify(PARAMS),
        '--timeout',
        '300',
      ],
      { ...process.env, HOME: home, PYTHONDONTWRITEBYTECODE: '1' },
    );
    console.log(
      `kfp_client_e2e.py finished in ${result.seconds.toFixed(1)} s (exit ${result.code})`,
    );
    if (result.code !== 0)
      throw new Error(`kfp_client_e2e.py exited ${result.code}:\n${result.stderr}`);
    summary = JSON.parse(result.stdout) as Summary;
  }, 400_000);

  afterAll(async () => {
    await started?.engine.stop();
    if (work) rmSync(work, { recursive: true, force: true });
    if (started) rmSync(started.home, { recursive: true, force: true });
  });

  it('connects with the engine token and reads a single-user healthz', () => {
    expect(summary.healthz.multi_user).toBe(false);
  });

  it('uploads a pipeline and a second version that get and list find again', () => {
    const { pipeline, version } = summary;
    expect(pipeline.display_name).toBe('skiff-client-e2e-pipeline');
    expect(pipeline.got).toMatchObject({
      pipeline_id: pipeline.pipeline_id,
      display_name: pipeline.display_name,
    });
    expect(pipeline.id_by_name).toBe(pipeline.pipeline_id);
    expect(summary.listed_pipelines).toContainEqual({
      pipeline_id: pipeline.pipeline_id,
      display_name: pipeline.display_name,
    });
    expect(version.display_name).toBe('skiff-client-e2e-v2');
    expect(version.got_display_name).toBe(version.display_name);
    expect(version.listed_ids).toHaveLength(2);
    expect(version.listed_ids).toContain(version.pipeline_version_id);
  });

  it('creates an experiment once and finds it by name the second time', () => {
    expect(summary.experiment.display_name).toBe('skiff-client-e2e-experiment');
    expect(summary.experiment.again_id).toBe(summary.experiment.experiment_id);
  });

  it('runs from the stored version and from the package both succeed', () => {
    expect(summary.waited_states).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    for (const r of summary.runs) {
      expect(r, r.via).toMatchObject({
        state: 'SUCCEEDED',
        error: null,
        finished: true,
        runtime_parameters: PARAMS,
      });
      for (const name of ['combine', 'report']) {
        expect(
          r.tasks.filter((t) => t.display_name === name).map((t) => t.state),
          `${r.via}: ${name}`,
        ).toEqual(['SUCCEEDED']);
      }
    }
  });

  it('answers each run with its source: a version reference or the inline spec', () => {
    expect(run('run_pipeline')).toMatchObject({
      display_name: 'skiff-client-e2e-from-version',
      experiment_id: summary.experiment.experiment_id,
      pipeline_version_reference: {
        pipeline_id: summary.pipeline.pipeline_id,
        pipeline_version_id: summary.version.pipeline_version_id,
      },
      has_pipeline_spec: false,
    });
    expect(run('package')).toMatchObject({
      pipeline_version_reference: null,
      has_pipeline_spec: true,
    });
    // Without an experiment the package run goes to the "Default" experiment.
    expect(summary.package_run_experiment_id).not.toBe(summary.experiment.experiment_id);
  });

  it('shows the outputs the tasks wrote: the parameters in the engine, the Metrics artifact in the API', () => {
    for (const r of summary.runs) {
      const tasks = peer().engine.engine.pipelines.tasks.listByRun(r.run_id);
      const combine = tasks.find((t) => t.displayName === 'combine');
      expect(combine?.outputs.parameters, r.via).toEqual({
        total: 11,
        tag: 'client-1-on',
        doubled: 4,
      });
      const report = tasks.find((t) => t.displayName === 'report');
      expect(report?.outputs.parameters, r.via).toEqual({ Output: 'client-1-on: 11' });
      const reported = r.tasks.find((t) => t.display_name === 'report');
      expect(reported?.outputs.metrics?.artifact_ids, r.via).toHaveLength(1);
    }
  });

  it('lists and gets the same runs as the engine answers over HTTP', async () => {
    const experimentId = summary.experiment.experiment_id;
    expect(summary.listed_runs).toEqual([
      { run_id: run('run_pipeline').run_id, state: 'SUCCEEDED' },
    ]);
    expect(summary.listed_runs_total).toBe(1);
    expect(summary.all_runs_total).toBe(2);
    const listed = await api<{ runs: { run_id: string; state: string }[]; total_size: number }>(
      `/runs?experiment_id=${experimentId}`,
    );
    expect(listed.runs.map((r) => ({ run_id: r.run_id, state: r.state }))).toEqual(
      summary.listed_runs,
    );
    expect(listed.total_size).toBe(summary.listed_runs_total);
    for (const r of summary.runs) {
      const got = await api<{
        run_id: string;
        state: string;
        experiment_id: string;
        display_name: string;
      }>(`/runs/${r.run_id}`);
      expect(got).toMatchObject({
        run_id: r.run_id,
        state: r.state,
        experiment_id: r.experiment_id,
        display_name: r.display_name,
      });
    }
  });
});
