/**
 * Shared helpers for the Python executor tests: where the runtime, the peer venv and
 * the corpus are, how to build ExecutorInput JSON, and how to run an executor.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RUNTIME_DIR = join(REPO_ROOT, 'engine', 'runtime', 'python');
export const VENV_PYTHON = join(REPO_ROOT, '.venv', 'bin', 'python');
export const HOST_PYTHON = process.env.SKIFF_TEST_PYTHON ?? 'python3';
export const PYTHON_ML_IMAGE = 'local/python-ml:bookworm';

/** The third-party corpus beside the checkout; tests that use it skip when it is absent. */
export const CORPUS_DIR =
  process.env.SKIFF_CORPUS_DIR ?? resolve(REPO_ROOT, '..', 'shared', 'corpus');
export const KFP_IR_DIR = join(CORPUS_DIR, 'kfp-ir');

const announced = new Set<string>();
function announce(key: string, message: string): void {
  if (announced.has(key)) return;
  announced.add(key);
  console.warn(`[skip] ${message}`);
}

export function haveCorpus(): boolean {
  const ok = existsSync(KFP_IR_DIR);
  if (!ok) announce('corpus', `KFP corpus tests skipped: ${KFP_IR_DIR} is absent.`);
  return ok;
}

/**
 * The real-`kfp` peer needs `.venv/` (bash scripts/python-venv). Missing: skip with a
 * reason, unless SKIFF_REQUIRE_PYTHON_PEERS=1 makes it a failure.
 */
export function havePeerVenv(): boolean {
  if (existsSync(VENV_PYTHON)) return true;
  const reason =
    `Python peer tests skipped: ${relative(REPO_ROOT, VENV_PYTHON)} is missing; ` +
    'run `bash scripts/python-venv` to create it.';
  if (process.env.SKIFF_REQUIRE_PYTHON_PEERS === '1') {
    throw new Error(`${reason} (SKIFF_REQUIRE_PYTHON_PEERS=1 demands it)`);
  }
  announce('venv', reason);
  return false;
}

/** Docker with the python-ml image; skip with a reason unless SKIFF_REQUIRE_DOCKER=1. */
export function havePythonMlImage(): boolean {
  const info = spawnSync('docker', ['image', 'inspect', PYTHON_ML_IMAGE], {
    stdio: 'pipe',
    timeout: 20_000,
  });
  if (info.status === 0) return true;
  const reason =
    info.error !== undefined
      ? `Docker Python tests skipped: docker is not available (${info.error.message}).`
      : `Docker Python tests skipped: \`docker image inspect ${PYTHON_ML_IMAGE}\` failed; ` +
        'build it with `bash scripts/build-base-images --only python-ml`.';
  if (process.env.SKIFF_REQUIRE_DOCKER === '1') {
    throw new Error(`${reason} (SKIFF_REQUIRE_DOCKER=1 demands it)`);
  }
  announce('docker', reason);
  return false;
}

// --- ExecutorInput ----------------------------------------------------------------------

export interface RuntimeArtifact {
  name: string;
  type: { schemaTitle: string; schemaVersion: string };
  uri: string;
  metadata: Record<string, unknown>;
}

export interface ExecutorInput {
  inputs: {
    parameterValues?: Record<string, unknown>;
    artifacts?: Record<string, { artifacts: RuntimeArtifact[] }>;
  };
  outputs: {
    parameters?: Record<string, { outputFile: string }>;
    artifacts?: Record<string, { artifacts: RuntimeArtifact[] }>;
    outputFile: string;
  };
}

export function artifact(
  name: string,
  uri: string,
  schemaTitle = 'system.Artifact',
  metadata: Record<string, unknown> = {},
): RuntimeArtifact {
  return { name, type: { schemaTitle, schemaVersion: '0.0.1' }, uri, metadata };
}

/** An ExecutorInput whose outputs all live under `root` (like a task root). */
export function executorInput(
  root: string,
  spec: {
    parameters?: Record<string, unknown>;
    inputArtifacts?: Record<string, RuntimeArtifact[]>;
    outputParameters?: string[];
    outputArtifacts?: Record<string, string>; // name -> schemaTitle
  },
): ExecutorInput {
  return {
    inputs: {
      parameterValues: spec.parameters ?? {},
      artifacts: Object.fromEntries(
        Object.entries(spec.inputArtifacts ?? {}).map(([k, v]) => [k, { artifacts: v }]),
      ),
    },
    outputs: {
      parameters: Object.fromEntries(
        (spec.outputParameters ?? []).map((n) => [n, { outputFile: join(root, 'params', n) }]),
      ),
      artifacts: Object.fromEntries(
        Object.entries(spec.outputArtifacts ?? {}).map(([n, title]) => [
          n,
          { artifacts: [artifact(n, join(root, 'artifacts', n), title)] },
        ]),
      ),
      outputFile: join(root, 'executor_output.json'),
    },
  };
}

// --- running an executor ------------------------------------------------------------------

export interface ExecutorRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Parsed executor_output.json, if written. */
  output: Record<string, unknown> | undefined;
}

export type ExecutorKind = 'skiff' | 'kfp';

/** Environment for one executor: Skiff's runtime on PYTHONPATH, or the venv's real kfp. */
export function executorEnv(kind: ExecutorKind): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    _KFP_RUNTIME: 'true',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  delete env.PYTHONPATH;
  delete env.CLUSTER_SPEC;
  if (kind === 'skiff') env.PYTHONPATH = RUNTIME_DIR;
  return env;
}

/**
 * Runs `python -m kfp.dsl.executor_main` as the compiled stage 2 does: the source is
 * written to `<dir>/ephemeral_component.py` and loaded with --component_module_path.
 */
export function runExecutor(opts: {
  python: string;
  env: NodeJS.ProcessEnv;
  workDir: string;
  source: string;
  fn: string;
  input: ExecutorInput;
  cwd?: string;
}): ExecutorRun {
  const programDir = join(opts.workDir, 'program');
  mkdirSync(programDir, { recursive: true });
  const modulePath = join(programDir, 'ephemeral_component.py');
  writeFileSync(modulePath, opts.source);
  const result = spawnSync(
    opts.python,
    [
      '-m',
      'kfp.dsl.executor_main',
      '--component_module_path',
      modulePath,
      '--executor_input',
      JSON.stringify(opts.input),
      '--function_to_execute',
      opts.fn,
    ],
    { env: opts.env, cwd: opts.cwd ?? opts.workDir, encoding: 'utf8', timeout: 120_000 },
  );
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: readJson(opts.input.outputs.outputFile),
  };
}

export function readJson(path: string): Record<string, unknown> | undefined {
  return existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)
    : undefined;
}

/** Every regular file under `dir` (relative path -> content), for comparing written outputs. */
export function snapshotFiles(
  dir: string,
  skip: (rel: string) => boolean = () => false,
): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      const rel = relative(dir, path);
      if (skip(rel)) continue;
      if (statSync(path).isDirectory()) walk(path);
      else files[rel] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

// --- the corpus ---------------------------------------------------------------------------

export interface CorpusComponent {
  file: string;
  component: string;
  executor: string;
  command: string[];
  args: string[];
  /** The function source (stage 2's `$0`), for compiled lightweight components. */
  source: string | undefined;
  functionName: string | undefined;
  inputDefinitions: IoDefinitions;
  outputDefinitions: IoDefinitions;
}

export interface IoDefinitions {
  parameters?: Record<
    string,
    { parameterType: string; defaultValue?: unknown; isOptional?: boolean }
  >;
  artifacts?: Record<
    string,
    { artifactType: { schemaTitle: string; schemaVersion?: string }; isArtifactList?: boolean }
  >;
}

interface PipelineSpecDoc {
  components?: Record<
    string,
    { executorLabel?: string; inputDefinitions?: IoDefinitions; outputDefinitions?: IoDefinitions }
  >;
  deploymentSpec?: {
    executors?: Record<string, { container?: { command?: string[]; args?: string[] } }>;
  };
}

/** Components of one corpus file (path relative to kfp-ir/), read at test time. */
export function corpusComponents(file: string): CorpusComponent[] {
  // Some files hold a second document (the platform spec); the pipeline spec is first.
  const [first] = parseAllDocuments(readFileSync(join(KFP_IR_DIR, file), 'utf8'));
  const doc = (first?.toJS() ?? {}) as PipelineSpecDoc;
  const out: CorpusComponent[] = [];
  for (const [component, spec] of Object.entries(doc.components ?? {})) {
    const executor = spec.executorLabel;
    const container = executor ? doc.deploymentSpec?.executors?.[executor]?.container : undefined;
    if (!executor || !container) continue;
    const command = container.command ?? [];
    const args = container.args ?? [];
    const lightweight =
      command.length === 7 && (command[5] ?? '').includes('kfp.dsl.executor_main');
    const fnAt = args.indexOf('--function_to_execute');
    out.push({
      file,
      component,
      executor,
      command,
      args,
      source: lightweight ? command[6] : undefined,
      functionName: fnAt >= 0 ? args[fnAt + 1] : undefined,
      inputDefinitions: spec.inputDefinitions ?? {},
      outputDefinitions: spec.outputDefinitions ?? {},
    });
  }
  return out;
}

export function corpusComponent(file: string, executor: string): CorpusComponent {
  const hit = corpusComponents(file).find((c) => c.executor === executor);
  if (!hit) throw new Error(`${file} has no executor ${executor}`);
  return hit;
}

/** Every corpus YAML under kfp-ir/valid. */
export function corpusFiles(): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.yaml')) files.push(relative(KFP_IR_DIR, path));
    }
  };
  walk(join(KFP_IR_DIR, 'valid'));
  return files.sort();
}

const SAMPLE_VALUES: Record<string, unknown> = {
  NUMBER_INTEGER: 3,
  NUMBER_DOUBLE: 0.25,
  STRING: 'text',
  BOOLEAN: true,
  LIST: ['a', 'b'],
  STRUCT: { a: 1 },
  TASK_FINAL_STATUS: {
    state: 'FAILED',
    pipelineJobResourceName: 'run-1',
    pipelineTaskName: 'train',
    error: { code: 2, message: 'boom' },
  },
};

/**
 * An ExecutorInput derived from a component's interface, as a backend would build it:
 * inputs get their default or a sample value of their type (or `overrides`), input
 * artifacts point at files under `root/in`, outputs go under `root`.
 */
export function executorInputFor(
  c: CorpusComponent,
  root: string,
  overrides: Record<string, unknown> = {},
): ExecutorInput {
  const parameters: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(c.inputDefinitions.parameters ?? {})) {
    parameters[name] =
      name in overrides ? overrides[name] : (p.defaultValue ?? SAMPLE_VALUES[p.parameterType]);
  }
  const inputArtifacts: Record<string, RuntimeArtifact[]> = {};
  for (const [name, a] of Object.entries(c.inputDefinitions.artifacts ?? {})) {
    const count = a.isArtifactList ? 2 : 1;
    inputArtifacts[name] = Array.from({ length: count }, (_, i) =>
      artifact(name, join(root, 'in', name, String(i)), a.artifactType.schemaTitle, { index: i }),
    );
  }
  const outputArtifacts: Record<string, string> = {};
  for (const [name, a] of Object.entries(c.outputDefinitions.artifacts ?? {})) {
    outputArtifacts[name] = a.artifactType.schemaTitle;
  }
  return executorInput(root, {
    parameters,
    inputArtifacts,
    outputParameters: Object.keys(c.outputDefinitions.parameters ?? {}),
    outputArtifacts,
  });
}
