/**
 * Acceptance: for lightweight components, Skiff's offline executor writes the same
 * outputs as the real `kfp` executor on the same inputs.
 *
 * The peer is the KFP SDK from `.venv/` (bash scripts/python-venv), run as a compiled
 * component runs it (`_KFP_RUNTIME=true python3 -m kfp.dsl.executor_main …`). Both
 * executors use the same interpreter, the same source and the same executor input at
 * the same paths; executor_output.json, every file written and what the function printed
 * must match. Without the venv the file is skipped (SKIFF_REQUIRE_PYTHON_PEERS=1: fails).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rewriteLightweightPythonArgv } from '../../engine/src/pipelines/python/lightweight-python.js';
import { COMPONENT_CASES } from './components.js';
import {
  corpusComponent,
  corpusComponents,
  corpusFiles,
  executorEnv,
  executorInputFor,
  haveCorpus,
  havePeerVenv,
  havePythonMlImage,
  PYTHON_ML_IMAGE,
  readJson,
  RUNTIME_DIR,
  runExecutor,
  snapshotFiles,
  VENV_PYTHON,
  type CorpusComponent,
  type ExecutorInput,
  type ExecutorKind,
} from './support.js';

const peers = havePeerVenv();
const corpus = haveCorpus();
const WORK = mkdtempSync(join(tmpdir(), 'skiff-py-peer-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

interface PeerResult {
  status: number | null;
  output: Record<string, unknown> | undefined;
  files: Record<string, string>;
  printed: string[];
  stdout: string;
  stderr: string;
}

/** What the function itself printed: stdout without the executor's log lines. */
function userLines(stdout: string): string[] {
  const lines: string[] = [];
  let inInputDump = false;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('[KFP Executor')) {
      inInputDump = line.endsWith('Got executor_input:');
      continue;
    }
    if (!inInputDump && line !== '') lines.push(line);
  }
  return lines;
}

/**
 * Runs one component under one executor in a fresh `root` (the same path for both
 * executors, so URIs compare as they are), returning everything it produced.
 */
function runAs(
  kind: ExecutorKind,
  root: string,
  source: string,
  fn: string,
  makeInput: (root: string) => ExecutorInput,
): PeerResult {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const input = makeInput(root);
  const before = snapshotFiles(root);
  const run = runExecutor({
    python: VENV_PYTHON,
    env: executorEnv(kind),
    workDir: `${root}.program`,
    source,
    fn,
    input,
  });
  const after = snapshotFiles(root);
  const written = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
  return {
    status: run.status,
    output: run.output,
    files: written,
    printed: userLines(run.stdout),
    stdout: run.stdout,
    stderr: run.stderr,
  };
}

function expectSameOutputs(label: string, kfp: PeerResult, skiff: PeerResult): void {
  // Both really ran, each with its own kfp.
  expect(kfp.stdout, `${label}: real kfp log`).toMatch(/\[KFP Executor \d/);
  expect(skiff.stdout, `${label}: Skiff log`).toContain('[KFP Executor (Skiff offline)');
  expect(skiff.status, `${label}: exit status\n${skiff.stderr}`).toBe(kfp.status);
  expect(skiff.output, `${label}: executor_output.json`).toEqual(kfp.output);
  expect(skiff.files, `${label}: files written`).toEqual(kfp.files);
  expect(skiff.printed, `${label}: printed by the component`).toEqual(kfp.printed);
}

function comparePeers(
  label: string,
  source: string,
  fn: string,
  makeInput: (root: string) => ExecutorInput,
): PeerResult {
  const root = join(WORK, label.replace(/\W+/g, '-'));
  const kfp = runAs('kfp', root, source, fn, makeInput);
  const skiff = runAs('skiff', root, source, fn, makeInput);
  expectSameOutputs(label, kfp, skiff);
  return kfp;
}

/** Executor input for a corpus component, with its input artifact files created. */
function corpusInput(
  c: CorpusComponent,
  overrides: Record<string, unknown> = {},
): (root: string) => ExecutorInput {
  return (root) => {
    const input = executorInputFor(c, root, overrides);
    for (const [name, entry] of Object.entries(input.inputs.artifacts ?? {})) {
      entry.artifacts.forEach((a, i) => {
        mkdirSync(dirname(a.uri), { recursive: true });
        writeFileSync(a.uri, `contents of ${name} #${i}`);
      });
    }
    return input;
  };
}

describe.skipIf(!peers)('Skiff vs the real kfp executor: components written for Skiff', () => {
  for (const c of COMPONENT_CASES.filter((x) => x.peer !== false)) {
    it(c.name, () => {
      const kfp = comparePeers(c.name, c.source, c.fn, c.input);
      expect(kfp.status, `real kfp failed on ${c.name}:\n${kfp.stderr}`).toBe(0);
    });
  }

  it('fails the same way when the function raises', () => {
    const kfp = comparePeers(
      'raises',
      'from kfp.dsl import *\n\ndef boom(x: int) -> int:\n    print("about to fail")\n    raise RuntimeError("boom")\n',
      'boom',
      (root) => ({
        inputs: { parameterValues: { x: 1 } },
        outputs: {
          parameters: { Output: { outputFile: join(root, 'Output') } },
          outputFile: join(root, 'out.json'),
        },
      }),
    );
    expect(kfp.status).not.toBe(0);
  });
});

/** Corpus components whose bodies run offline with the standard library only. */
const CORPUS_RUNS: { file: string; executor: string; overrides?: Record<string, unknown> }[] = [
  {
    file: 'valid/critical/add_numbers.yaml',
    executor: 'exec-add-numbers',
    overrides: { a: 19, b: 23 },
  },
  {
    file: 'valid/essential/lightweight_python_functions_with_outputs.yaml',
    executor: 'exec-add-numbers',
  },
  {
    file: 'valid/essential/lightweight_python_functions_with_outputs.yaml',
    executor: 'exec-concat-message',
  },
  {
    file: 'valid/essential/lightweight_python_functions_with_outputs.yaml',
    executor: 'exec-output-artifact',
  },
  {
    file: 'valid/essential/lightweight_python_functions_with_outputs.yaml',
    executor: 'exec-output-named-tuple',
  },
  { file: 'valid/metrics_visualization_v2.yaml', executor: 'exec-html-visualization' },
  { file: 'valid/metrics_visualization_v2.yaml', executor: 'exec-markdown-visualization' },
  { file: 'valid/preprocess.yaml', executor: 'exec-preprocess' },
  { file: 'valid/critical/multiple_parameters_namedtuple.yaml', executor: 'exec-core-comp' },
  { file: 'valid/pipeline_with_task_final_status.yaml', executor: 'exec-exit-op' },
];

describe.skipIf(!peers || !corpus)(
  'Skiff vs the real kfp executor: corpus component sources',
  () => {
    for (const { file, executor, overrides } of CORPUS_RUNS) {
      it(`${file} ${executor}`, () => {
        const c = corpusComponent(file, executor);
        if (!c.source || !c.functionName)
          throw new Error(`${file} ${executor} is not a lightweight component`);
        const kfp = comparePeers(
          `${file}-${executor}`,
          c.source,
          c.functionName,
          corpusInput(c, overrides),
        );
        expect(kfp.status, `real kfp failed:\n${kfp.stderr}`).toBe(0);
      });
    }

    it('binds the arguments of every corpus component the same way', () => {
      // Each function's body is replaced by one that records its arguments (fixtures/
      // bind_probe.py), so components needing packages or services compare too.
      const cases = corpusFiles().flatMap((file, f) =>
        corpusComponents(file)
          .filter((c) => c.source !== undefined && c.functionName !== undefined)
          .map((c, i) => ({
            id: `${c.file}#${c.executor}`,
            source: c.source,
            fn: c.functionName,
            executorInput: executorInputFor(c, join(WORK, 'bind', 'cases', `${f}-${i}`)),
          })),
      );
      expect(cases.length).toBeGreaterThan(200);
      const casesFile = join(WORK, 'bind-cases.json');
      writeFileSync(casesFile, JSON.stringify(cases));
      const probe = (kind: ExecutorKind): Record<string, unknown> => {
        rmSync(join(WORK, 'bind'), { recursive: true, force: true });
        mkdirSync(join(WORK, 'bind'), { recursive: true });
        const resultFile = join(WORK, 'bind', 'result.json');
        const run = spawnSync(
          VENV_PYTHON,
          [join(import.meta.dirname, 'fixtures', 'bind_probe.py'), casesFile, resultFile],
          {
            env: executorEnv(kind),
            encoding: 'utf8',
            timeout: 180_000,
          },
        );
        expect(run.status, run.stderr).toBe(0);
        const results = readJson(resultFile) ?? {};
        // Each run must have imported its own kfp.
        expect(results.__kfp_file__).toContain(kind === 'skiff' ? RUNTIME_DIR : '.venv');
        delete results.__kfp_file__;
        // Messages and tracebacks are each implementation's own; the error type must match.
        for (const r of Object.values(results) as Record<string, unknown>[]) {
          delete r.message;
          delete r.traceback;
        }
        return results;
      };
      const kfp = probe('kfp');
      const skiff = probe('skiff');
      expect(Object.keys(skiff).sort()).toEqual(Object.keys(kfp).sort());
      const differing = Object.keys(kfp).filter(
        (id) => JSON.stringify(kfp[id]) !== JSON.stringify(skiff[id]),
      );
      expect(
        differing.map((id) => ({ id, kfp: kfp[id], skiff: skiff[id] })),
        'components whose argument binding differs',
      ).toEqual([]);
      const bound = Object.values(kfp).filter(
        (r) => (r as { kwargs?: unknown }).kwargs !== undefined,
      );
      expect(bound.length).toBeGreaterThan(200);
    });
  },
);

describe.skipIf(!peers || !corpus || !havePythonMlImage())(
  `Skiff vs the real kfp executor in ${PYTHON_ML_IMAGE} (scikit-learn components)`,
  () => {
    // The real SDK is pure Python: its installed package is mounted into the image.
    // Computed when a test runs: the describe body is also evaluated when skipped.
    const sitePackages = (): string =>
      spawnSync(VENV_PYTHON, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], {
        encoding: 'utf8',
      }).stdout.trim();
    const uid =
      typeof process.getuid === 'function'
        ? `${process.getuid()}:${process.getgid?.() ?? 0}`
        : '0:0';

    function runInImage(kind: ExecutorKind, c: CorpusComponent, root: string): PeerResult {
      rmSync(root, { recursive: true, force: true });
      mkdirSync(root, { recursive: true });
      const input = corpusInput(c)(root);
      const substituted = [...c.command, ...c.args].map((a) =>
        a === '{{$}}' ? JSON.stringify(input) : a,
      );
      const peerPath = '/opt/kfp-peer';
      const argv =
        kind === 'skiff'
          ? rewriteLightweightPythonArgv(substituted, RUNTIME_DIR)
          : // Real kfp: skip only its pip bootstrap (offline) and run stage 2 as compiled.
            substituted.slice(3);
      const mounts =
        kind === 'skiff'
          ? ['-v', `${RUNTIME_DIR}:${RUNTIME_DIR}:ro`]
          : [
              '-v',
              `${join(sitePackages(), 'kfp')}:${peerPath}/kfp:ro`,
              '-e',
              `PYTHONPATH=${peerPath}`,
            ];
      const run = spawnSync(
        'docker',
        [
          'run',
          '--rm',
          '--network',
          'none',
          '--user',
          uid,
          '-v',
          `${root}:${root}`,
          ...mounts,
          PYTHON_ML_IMAGE,
          ...argv,
        ],
        { encoding: 'utf8', timeout: 300_000 },
      );
      return {
        status: run.status,
        output: readJson(input.outputs.outputFile),
        files: snapshotFiles(root, (rel) => rel.startsWith('in')),
        printed: userLines(run.stdout),
        stdout: run.stdout,
        stderr: run.stderr,
      };
    }

    for (const executor of ['exec-wine-classification', 'exec-digit-classification']) {
      it(`valid/metrics_visualization_v2.yaml ${executor}`, () => {
        const c = corpusComponent('valid/metrics_visualization_v2.yaml', executor);
        const root = join(WORK, `docker-${executor}`);
        const kfp = runInImage('kfp', c, root);
        expect(kfp.status, kfp.stderr).toBe(0);
        const skiff = runInImage('skiff', c, root);
        expectSameOutputs(executor, kfp, skiff);
      });
    }
  },
);
