/**
 * Acceptance: pipelines compiled fresh by the real `kfp.compiler` run.
 *
 * The Python sources in test/python/pipelines/ are compiled with the SDK from `.venv/`
 * (bash scripts/python-venv) at test time, then each package is POSTed inline to the
 * engine's /apis/v2beta1/runs and run offline with the process executor and, when Docker
 * and local/python-ml:bookworm are there, the docker executor. Without the venv the file
 * is skipped (SKIFF_REQUIRE_PYTHON_PEERS=1: fails).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProtoValue } from '../../engine/src/pipelines/ir/pipeline-spec.js';
import {
  compileTestPipelines,
  describeRun,
  runCompiledPipeline,
  startPeerEngine,
  type FinishedRun,
  type PeerEngine,
} from '../support/python-peers.js';
import { hasDocker } from '../support/requirements.js';
import { havePeerVenv, havePythonMlImage } from './support.js';

const peers = havePeerVenv();
const executors = peers
  ? (['process', 'docker'] as const).filter(
      (k) => k === 'process' || (hasDocker() && havePythonMlImage()),
    )
  : [];

interface RunCase {
  title: string;
  pipeline: string;
  parameters?: Record<string, ProtoValue>;
  state: 'SUCCEEDED' | 'FAILED';
  check(run: FinishedRun): void;
}

const out = (run: FinishedRun, task: string): Record<string, ProtoValue> =>
  run.task(task).outputs.parameters;

const CASES: RunCase[] = [
  {
    title: 'typed parameters flow into a NamedTuple and Metrics',
    pipeline: 'typed_params',
    parameters: {
      x: 4,
      factor: 2.5,
      label: 't',
      flags: ['a', 'b', 'c'],
      opts: { bonus: 2 },
      enabled: true,
    },
    state: 'SUCCEEDED',
    check(run) {
      expect(out(run, 'combine')).toEqual({ total: 12, tag: 't-3-on', doubled: 8 });
      expect(out(run, 'report')).toEqual({ Output: 't-3-on: 12' });
      const [metrics] = run.task('report').outputs.artifacts.metrics ?? [];
      expect(metrics?.type.schemaTitle).toBe('system.Metrics');
      expect(metrics?.metadata).toMatchObject({ total: 12, doubled: 8 });
    },
  },
  {
    title: 'the defaults apply when no parameters are given',
    pipeline: 'typed_params',
    state: 'SUCCEEDED',
    check(run) {
      expect(out(run, 'combine')).toEqual({ total: 5.5, tag: 'run-2-on', doubled: 6 });
    },
  },
  {
    title: 'a Dataset and its metadata reach the next component',
    pipeline: 'dataset_artifacts',
    parameters: { rows: 5 },
    state: 'SUCCEEDED',
    check(run) {
      const [data] = run.task('make-rows').outputs.artifacts.data ?? [];
      expect(data?.type.schemaTitle).toBe('system.Dataset');
      expect(data?.metadata).toMatchObject({ rows: 5, format: 'csv' });
      expect(
        readFileSync(data?.uri ?? '', 'utf8')
          .trim()
          .split('\n'),
      ).toHaveLength(6);
      expect(out(run, 'summarize')).toEqual({ Output: 55 });
      expect(run.task('summarize').outputs.artifacts.metrics?.[0]?.metadata).toMatchObject({
        rows: 5,
        sum: 55,
      });
    },
  },
  ...(
    [
      [65, 'review'],
      [95, 'promote'],
      [10, 'reject'],
    ] as const
  ).map(([score, taken]): RunCase => ({
    title: `score ${score} takes the "${taken}" branch and dsl.OneOf passes its output on`,
    pipeline: 'branches',
    parameters: { score },
    state: 'SUCCEEDED',
    check(run) {
      expect(out(run, taken)).toEqual({ Output: taken });
      for (const other of ['promote', 'review', 'reject'].filter((b) => b !== taken)) {
        expect(run.tasks.filter((t) => t.displayName === other && t.state === 'SUCCEEDED')).toEqual(
          [],
        );
      }
      expect(out(run, 'record')).toEqual({ Output: `verdict: ${taken}` });
    },
  })),
  {
    title: 'dsl.ParallelFor fans out and dsl.Collected gathers every iteration',
    pipeline: 'fan_out',
    parameters: { items: [1, 2, 3, 4] },
    state: 'SUCCEEDED',
    check(run) {
      const squares = run.tasks.filter((t) => t.displayName === 'square');
      expect(squares.map((t) => t.outputs.parameters.Output).sort()).toEqual([1, 16, 4, 9]);
      expect(out(run, 'add-up')).toEqual({ Output: 30 });
    },
  },
  {
    title: 'the exit task sees a body that succeeded',
    pipeline: 'exit_handler',
    state: 'SUCCEEDED',
    check(run) {
      expect(out(run, 'work')).toEqual({ Output: 'done' });
      // KFP's backend passes the ML Metadata execution state: COMPLETE, not SUCCEEDED.
      expect(out(run, 'clean-up')).toEqual({ Output: 'COMPLETE' });
    },
  },
  {
    title: 'the exit task still runs, and sees FAILED, when the body fails',
    pipeline: 'exit_handler',
    parameters: { fail: true },
    state: 'FAILED',
    check(run) {
      expect(run.task('work').state).toBe('FAILED');
      expect(run.task('clean-up').state).toBe('SUCCEEDED');
      expect(out(run, 'clean-up')).toEqual({ Output: 'FAILED' });
    },
  },
  {
    title: 'a dsl.ContainerSpec component writes an output a Python component reads',
    pipeline: 'container_step',
    parameters: { text: 'hey', times: 3 },
    state: 'SUCCEEDED',
    check(run) {
      expect(out(run, 'shout')).toEqual({ loud: 'HEYHEYHEY' });
      expect(out(run, 'measure')).toEqual({ Output: 9 });
    },
  },
];

const PIPELINES = [...new Set(CASES.map((c) => c.pipeline))];
const WORK = mkdtempSync(join(tmpdir(), 'skiff-kfp-compile-'));
let compiled: Record<string, string> = {};

beforeAll(() => {
  if (peers) compiled = compileTestPipelines(PIPELINES, WORK);
});
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe.skipIf(!peers)('kfp.compiler output of the test pipelines', () => {
  it.each(PIPELINES)('%s.py compiles with the SDK in .venv/', (name) => {
    const yaml = readFileSync(compiled[name] ?? '', 'utf8');
    expect(yaml).toMatch(/^sdkVersion: kfp-2\.\d+\.\d+$/m);
    expect(yaml).toContain(`name: skiff-test-${name.replace(/_/g, '-')}`);
  });
});

describe.each(executors)('compiled test pipelines run with the %s executor', (executor) => {
  let peer: PeerEngine;

  beforeAll(async () => {
    peer = await startPeerEngine(executor, `skiff-kfp-compile-${executor}-`);
  });
  afterAll(async () => {
    await peer.engine.stop();
    rmSync(peer.home, { recursive: true, force: true });
  });

  it.each(CASES)(
    '$pipeline: $title',
    async (c) => {
      const run = await runCompiledPipeline(peer, compiled[c.pipeline] ?? '', c.parameters);
      expect(run.state, describeRun(run)).toBe(c.state);
      // The chosen executor ran the tasks: Docker container ids, or host process ids.
      const ran = run.tasks.filter((t) => t.kind === 'container' && t.state !== 'SKIPPED');
      const ids = ran.map((t) => t.containerId);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(id).toMatch(executor === 'docker' ? /^[0-9a-f]{64}$/ : /^\d+$/);
      c.check(run);
    },
    180_000,
  );
});
