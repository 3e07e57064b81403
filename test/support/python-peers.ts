/**
 * For tests that use the real KFP SDK from `.venv/` against a real engine: compile the
 * test pipelines with `kfp.compiler`, start an engine in this process with a chosen
 * executor, run a compiled package through the engine's KFP API, or run the kfp.Client
 * driver (test/python/kfp_client_e2e.py) against it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExecutorKind } from '../../engine/src/executors/container-executor.js';
import { launchEngine, type LaunchedEngine } from '../../engine/src/launch.js';
import { readPipelinePackage } from '../../engine/src/pipelines/ir/package-reader.js';
import type { ProtoValue } from '../../engine/src/pipelines/ir/pipeline-spec.js';
import type { TaskRecord } from '../../engine/src/pipelines/scheduler/run-model.js';
import { REPO_ROOT, VENV_PYTHON } from '../python/support.js';
import { tempHome } from './engine-process.js';

export const TEST_PIPELINES_DIR = fileURLToPath(new URL('../python/pipelines/', import.meta.url));

/**
 * Compiles `<name>.py` of test/python/pipelines (its `pipeline` function) with the real
 * `kfp.compiler` into `<outDir>/<name>.yaml`, all in one interpreter. Returns the paths.
 */
export function compileTestPipelines(
  names: readonly string[],
  outDir: string,
): Record<string, string> {
  mkdirSync(outDir, { recursive: true });
  const script = [
    'import importlib.util, sys',
    'from kfp import compiler',
    'src, out = sys.argv[1], sys.argv[2]',
    'for name in sys.argv[3:]:',
    '    spec = importlib.util.spec_from_file_location(name, f"{src}/{name}.py")',
    '    module = importlib.util.module_from_spec(spec)',
    '    spec.loader.exec_module(module)',
    '    compiler.Compiler().compile(module.pipeline, f"{out}/{name}.yaml")',
  ].join('\n');
  const result = spawnSync(VENV_PYTHON, ['-c', script, TEST_PIPELINES_DIR, outDir, ...names], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (result.status !== 0) {
    throw new Error(
      `kfp.compiler failed (${result.status ?? result.error?.message}); if .venv/ predates the ` +
        `full SDK, run \`bash scripts/python-venv\`:\n${result.stderr}`,
    );
  }
  return Object.fromEntries(names.map((name) => [name, join(outDir, `${name}.yaml`)]));
}

/**
 * `.venv-host/bin` (scripts/python-host-venv), the host Python the process executor should
 * find first on PATH; undefined (with a note, or an error under SKIFF_REQUIRE_PYTHON_PEERS=1)
 * when it has not been made.
 */
export function hostPythonBin(): string | undefined {
  const bin = fileURLToPath(new URL('../../.venv-host/bin', import.meta.url));
  if (existsSync(join(bin, 'python3'))) return bin;
  const reason = 'host Python with the ML packages not found: run `bash scripts/python-host-venv`';
  if (process.env.SKIFF_REQUIRE_PYTHON_PEERS === '1') throw new Error(reason);
  console.warn(`[note] ${reason}; process-executor runs use the system python3.`);
  return undefined;
}

export interface PeerEngine {
  engine: LaunchedEngine;
  token: string;
  home: string;
}

/** A real engine on a free port, with `executor` for runs (process: host Python first on PATH). */
export async function startPeerEngine(executor: ExecutorKind, prefix: string): Promise<PeerEngine> {
  const home = tempHome(prefix);
  const engine = await launchEngine({ home, port: 0 });
  const token = readFileSync(join(home, 'token'), 'utf8').trim();
  await engine.engine.updateSettings({ pipelines: { executor, concurrency: 4 } });
  const hostBin = executor === 'process' ? hostPythonBin() : undefined;
  if (hostBin && !(process.env.PATH ?? '').startsWith(hostBin)) {
    process.env.PATH = `${hostBin}${delimiter}${process.env.PATH ?? ''}`;
  }
  return { engine, token, home };
}

export interface FinishedRun {
  runId: string;
  state: string;
  error?: { message?: string };
  tasks: TaskRecord[];
  /** The single task with this display name. */
  task(displayName: string): TaskRecord;
}

/** POSTs the compiled package inline to /apis/v2beta1/runs and waits for the run to end. */
export async function runCompiledPipeline(
  peer: PeerEngine,
  yamlPath: string,
  parameters: Record<string, ProtoValue> = {},
): Promise<FinishedRun> {
  const pkg = readPipelinePackage(readFileSync(yamlPath), yamlPath);
  const headers = { authorization: `Bearer ${peer.token}`, 'content-type': 'application/json' };
  const api = `${peer.engine.url}/apis/v2beta1/runs`;
  const created = await fetch(api, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      display_name: pkg.pipelineSpec.pipelineInfo.name,
      pipeline_spec: pkg.pipelineSpec,
      runtime_config: { parameters },
    }),
  });
  const body = (await created.json()) as { run_id?: string; message?: string };
  if (!created.ok || !body.run_id) {
    throw new Error(
      `creating a run of ${yamlPath} answered ${created.status}: ${body.message ?? ''}`,
    );
  }
  const runId = body.run_id;
  await peer.engine.engine.pipelines.launcher.settled(runId);
  const run = (await (await fetch(`${api}/${runId}`, { headers })).json()) as Pick<
    FinishedRun,
    'state' | 'error'
  >;
  const tasks = peer.engine.engine.pipelines.tasks.listByRun(runId);
  return {
    runId,
    state: run.state,
    ...(run.error ? { error: run.error } : {}),
    tasks,
    task(displayName) {
      const found = tasks.filter((t) => t.displayName === displayName);
      if (found.length !== 1) {
        const all = tasks.map((t) => `${t.displayName}(${t.state})`).join(', ');
        throw new Error(`expected one task "${displayName}", found ${found.length}: ${all}`);
      }
      return found[0] as TaskRecord;
    },
  };
}

/** Why a run ended as it did, for assertion messages. */
export function describeRun(run: FinishedRun): string {
  const failed = run.tasks
    .filter((t) => t.state === 'FAILED')
    .map((t) => `${t.displayName}: ${t.error?.message ?? '?'}`);
  const why = run.error?.message ? ` (${run.error.message})` : '';
  return `${run.state}${why}${failed.length ? `; failed: ${failed.join(' | ')}` : ''}`;
}

export interface DriverResult {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

const CLIENT_DRIVER = join(REPO_ROOT, 'test', 'python', 'kfp_client_e2e.py');

/**
 * Runs kfp_client_e2e.py with the venv's Python, asynchronously: the engine it talks to
 * is served by this same process, so a synchronous spawn would deadlock.
 */
export function runClientDriver(args: string[], env: NodeJS.ProcessEnv): Promise<DriverResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(VENV_PYTHON, [CLIENT_DRIVER, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 }),
    );
  });
}
