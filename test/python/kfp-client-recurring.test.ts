/**
 * Acceptance: the real KFP SDK's recurring-run calls against a real engine (process
 * executor). `kfp.Client.create_recurring_run` with a package and `interval_second`,
 * `list_recurring_runs`, `get`, `disable_recurring_run` and `delete_recurring_run`, the
 * runs it triggered (filtered by recurring_run_id), and an invalid cron refused with the
 * field named. The driver is a short Python script run with `.venv/`'s interpreter.
 * Without the venv the file is skipped (SKIFF_REQUIRE_PYTHON_PEERS=1: fails).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPeerEngine, type PeerEngine } from '../support/python-peers.js';
import { VENV_PYTHON, havePeerVenv } from './support.js';

const DRIVER = `
import json, sys, time
import kfp
from kfp import compiler, dsl
from kfp_server_api.exceptions import ApiException

host, token, work = sys.argv[1:4]

@dsl.container_component
def noop():
    return dsl.ContainerSpec(image='busybox', command=['sh', '-c', 'true'])

@dsl.pipeline(name='recurring-e2e')
def quick():
    noop()

package = work + '/quick.yaml'
compiler.Compiler().compile(quick, package)
client = kfp.Client(host=host, existing_token=token)
experiment = client.create_experiment('recurring-e2e')
eid = experiment.experiment_id
created = client.create_recurring_run(experiment_id=eid, job_name='every-2s',
    interval_second=2, max_concurrency=1, pipeline_package_path=package)
rid = created.recurring_run_id
try:
    client.create_recurring_run(experiment_id=eid, job_name='bad',
        cron_expression='0 0 25 * * *', pipeline_package_path=package)
    bad = None
except ApiException as error:
    bad = {'status': error.status, 'body': error.body}

runs_filter = json.dumps({'predicates': [
    {'key': 'recurring_run_id', 'operation': 'EQUALS', 'string_value': rid}]})
def triggered():
    return client.list_runs(experiment_id=eid, page_size=100, filter=runs_filter).runs or []
deadline = time.time() + 30
while len(triggered()) < 2 and time.time() < deadline:
    time.sleep(0.5)
runs = triggered()
listed = client.list_recurring_runs(experiment_id=eid).recurring_runs or []
client.disable_recurring_run(rid)
disabled = client.get_recurring_run(rid)
client.delete_recurring_run(rid)
print(json.dumps({
    'created': {'status': created.status, 'max_concurrency': created.max_concurrency,
                'interval': created.trigger.periodic_schedule.interval_second,
                'experiment_id': created.experiment_id},
    'bad': bad,
    'runs': [{'name': r.display_name, 'recurring_run_id': r.recurring_run_id} for r in runs],
    'listed': [r.recurring_run_id for r in listed],
    'disabled_status': disabled.status,
    'eid': eid,
    'rid': rid,
}))
`;

interface Summary {
  created: { status: string; max_concurrency: string; interval: string; experiment_id: string };
  bad: { status: number; body: string } | null;
  runs: { name: string; recurring_run_id: string }[];
  listed: string[];
  disabled_status: string;
  eid: string;
  rid: string;
}

function runDriver(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(VENV_PYTHON, ['-c', DRIVER, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!havePeerVenv())('kfp.Client drives recurring runs', () => {
  let work = '';
  let peer: PeerEngine | undefined;
  let summary: Summary;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'skiff-kfp-recurring-'));
    peer = await startPeerEngine('process', 'skiff-kfp-recurring-engine-');
    // kfp.Client reads ~/.config/kfp/context.json; give it an empty home of its own.
    const home = join(work, 'home');
    mkdirSync(home);
    const result = await runDriver([peer.engine.url, peer.token, work], {
      ...process.env,
      HOME: home,
      PYTHONDONTWRITEBYTECODE: '1',
    });
    if (result.code !== 0)
      throw new Error(`the recurring-run driver exited ${result.code}:\n${result.stderr}`);
    // kfp.Client prints links as it goes; the summary is the last line.
    summary = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as Summary;
  }, 120_000);

  afterAll(async () => {
    await peer?.engine.stop();
    if (work) rmSync(work, { recursive: true, force: true });
    if (peer) rmSync(peer.home, { recursive: true, force: true });
  });

  it('creates an enabled recurring run from a package, as KFP answers it', () => {
    expect(summary.created).toEqual({
      status: 'ENABLED',
      max_concurrency: '1',
      interval: '2',
      experiment_id: summary.eid,
    });
    expect(summary.listed).toEqual([summary.rid]);
  });

  it('triggers runs every 2 s that carry its id and name', () => {
    expect(summary.runs.length).toBeGreaterThanOrEqual(2);
    for (const run of summary.runs) {
      expect(run.recurring_run_id).toBe(summary.rid);
      expect(run.name).toMatch(/^every-2s-\d{14}$/);
    }
  });

  it('disables it', () => {
    expect(summary.disabled_status).toBe('DISABLED');
  });

  it('refuses an invalid cron with 400 naming the field', () => {
    expect(summary.bad?.status).toBe(400);
    expect(summary.bad?.body).toContain('trigger.cron_schedule.cron: field 3 (hour)');
  });
});
