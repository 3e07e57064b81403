/**
 * Skiff's offline KFP executor (engine/runtime/python), run as tasks run it:
 * `python3 -m kfp.dsl.executor_main …` with the runtime on PYTHONPATH, on the host and
 * in the local python-ml image, plus the lightweight-component argv rewrite end to end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rewriteLightweightPythonArgv } from '../../engine/src/pipelines/python/lightweight-python.js';
import { COMPONENT_CASES, PREAMBLE, type ComponentCase } from './components.js';
import {
  corpusComponent,
  corpusComponents,
  corpusFiles,
  executorEnv,
  executorInput,
  executorInputFor,
  haveCorpus,
  havePythonMlImage,
  HOST_PYTHON,
  PYTHON_ML_IMAGE,
  readJson,
  RUNTIME_DIR,
  runExecutor,
  type ExecutorInput,
} from './support.js';

const WORK = mkdtempSync(join(tmpdir(), 'skiff-py-executor-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

let counter = 0;
function freshRoot(label: string): string {
  counter += 1;
  const root = join(WORK, `${String(counter).padStart(2, '0')}-${label.replace(/\W+/g, '-')}`);
  mkdirSync(root, { recursive: true });
  return root;
}

function runCase(c: ComponentCase): {
  root: string;
  input: ExecutorInput;
  output: Record<string, unknown> | undefined;
} {
  const root = freshRoot(c.fn);
  const input = c.input(root);
  const run = runExecutor({
    python: HOST_PYTHON,
    env: executorEnv('skiff'),
    workDir: root,
    source: c.source,
    fn: c.fn,
    input,
  });
  expect(run.status, `${c.name}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return { root, input, output: run.output };
}

const byName = (name: string): ComponentCase => {
  const c = COMPONENT_CASES.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  return c;
};
const text = (path: string): string => readFileSync(path, 'utf8');
const outputArtifact = (output: Record<string, unknown> | undefined, name: string): unknown =>
  (output?.artifacts as Record<string, { artifacts: unknown[] }> | undefined)?.[name]?.artifacts[0];

describe('Skiff offline executor on the host', () => {
  it('passes ints and returns an int', () => {
    expect(runCase(byName('ints (add numbers)')).output).toEqual({
      parameterValues: { Output: 42 },
    });
  });

  it('gives an int parameter sent as an integral float back as an int', () => {
    const c = byName('ints (add numbers)');
    const root = freshRoot('int-float');
    const input = executorInput(root, {
      parameters: { a: 2.0, b: 40 },
      outputParameters: ['Output'],
    });
    // JSON.stringify writes 2.0 as 2; send the float form the way Python/protobuf writes it.
    const json = JSON.stringify(input).replace('"a":2', '"a":2.0');
    writeFileSync(join(root, 'c.py'), c.source);
    const result = spawnSync(
      HOST_PYTHON,
      [
        '-m',
        'kfp.dsl.executor_main',
        '--component_module_path',
        join(root, 'c.py'),
        '--executor_input',
        json,
        '--function_to_execute',
        c.fn,
      ],
      { env: executorEnv('skiff'), encoding: 'utf8', cwd: root, timeout: 60_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(text(input.outputs.outputFile)).toBe('{"parameterValues": {"Output": 42}}');
  });

  it('uses defaults for missing optional parameters', () => {
    expect(runCase(byName('float and optional defaults')).output).toEqual({
      parameterValues: { Output: 2.5 },
    });
  });

  it('passes strings (unicode included)', () => {
    expect(runCase(byName('strings')).output).toEqual({
      parameterValues: { Output: 'Hello, Skiff ✓!' },
    });
  });

  it('passes and returns bools', () => {
    expect(runCase(byName('bool')).output).toEqual({ parameterValues: { Output: false } });
  });

  it('passes LIST and STRUCT parameters', () => {
    expect(runCase(byName('LIST and STRUCT')).output).toEqual({
      parameterValues: {
        Output: { items: ['a', 'b', 1, { nested: true }], total: 3, meta: { k: [1, 2] } },
      },
    });
  });

  it('writes an Output[Dataset] and reports its metadata', () => {
    const { root, output } = runCase(byName('Output[Dataset] with metadata'));
    expect(output).toEqual({
      artifacts: {
        data: {
          artifacts: [
            { name: 'data', uri: join(root, 'artifacts', 'data'), metadata: { rows: 3 } },
          ],
        },
      },
    });
    expect(text(join(root, 'artifacts', 'data'))).toBe('0\n1\n2');
  });

  it('reads an Input[Dataset] and writes an Output[Model]', () => {
    const { root, output } = runCase(byName('Input[Dataset] to Output[Model]'));
    expect(output).toEqual({
      parameterValues: { Output: 3 },
      artifacts: {
        model: {
          artifacts: [
            {
              name: 'model',
              uri: join(root, 'artifacts', 'model'),
              metadata: { framework: 'none', source_rows: 3 },
            },
          ],
        },
      },
    });
    expect(text(join(root, 'artifacts', 'model'))).toBe('model of data');
  });

  it('logs Metrics into metadata', () => {
    const { output } = runCase(byName('Metrics'));
    expect(outputArtifact(output, 'metrics')).toMatchObject({
      metadata: { accuracy: 0.9, loss: 1 },
    });
  });

  it('logs ROC curves and confusion matrices (ClassificationMetrics)', () => {
    const { output } = runCase(byName('ClassificationMetrics'));
    expect(outputArtifact(output, 'roc')).toMatchObject({
      metadata: {
        confidenceMetrics: [
          { confidenceThreshold: 1, recall: 0, falsePositiveRate: 0 },
          { confidenceThreshold: 0.5, recall: 0.8, falsePositiveRate: 0.5 },
          { confidenceThreshold: 0, recall: 1, falsePositiveRate: 1 },
          { confidenceThreshold: 0.7, recall: 0.6, falsePositiveRate: 0.25 },
        ],
      },
    });
    expect(outputArtifact(output, 'cm')).toMatchObject({
      metadata: {
        confusionMatrix: {
          annotationSpecs: [{ displayName: 'cat' }, { displayName: 'dog' }],
          rows: [{ row: [5, 6] }, { row: [2, 4] }],
        },
      },
    });
  });

  it('builds a confusion matrix from categories and cells', () => {
    const { output } = runCase(byName('ClassificationMetrics by categories and cells'));
    expect(outputArtifact(output, 'm')).toMatchObject({
      metadata: {
        confusionMatrix: {
          annotationSpecs: [{ displayName: 'a' }, { displayName: 'b' }, { displayName: 'c' }],
          rows: [{ row: [0, 0, 7] }, { row: [0, 1, 0] }, { row: [0, 0, 0] }],
        },
      },
    });
  });

  it('splits a NamedTuple into parameters and artifact files', () => {
    const { root, output } = runCase(byName('NamedTuple with parameters and artifacts'));
    expect(output?.parameterValues).toEqual({ total: 42, label: 'ok' });
    expect(Object.keys(output?.artifacts as object)).toEqual(['report', 'model']);
    expect(text(join(root, 'artifacts', 'report'))).toBe('# Report');
    expect(text(join(root, 'artifacts', 'model'))).toBe('weights');
  });

  it('accepts a plain tuple for a NamedTuple class return', () => {
    expect(runCase(byName('NamedTuple returned as a plain tuple')).output).toEqual({
      parameterValues: { a: 'x', b: 1.5 },
    });
  });

  it('hands out OutputPath/InputPath file paths', () => {
    const { root, output } = runCase(byName('OutputPath and InputPath'));
    expect(output?.parameterValues).toBeUndefined(); // written to the files instead
    expect(text(join(root, 'params', 'text_out'))).toBe('ABC');
    expect(text(join(root, 'params', 'num_out'))).toBe('3');
    expect(text(join(root, 'params', 'flag_out'))).toBe('True');
    expect(text(join(root, 'artifacts', 'data_out'))).toBe('abcabc');
    expect(text(join(root, 'artifacts', 'html'))).toBe('<p>abc</p>');
    expect(Object.keys(output?.artifacts as object)).toEqual(['data_out', 'html']);
  });

  it('passes a PipelineTaskFinalStatus from a camelCase payload', () => {
    expect(runCase(byName('task final status (camelCase)')).output).toEqual({
      parameterValues: { Output: 'hi|FAILED|run-7|train|9|disk full' },
    });
  });

  it('passes a PipelineTaskFinalStatus from a snake_case payload', () => {
    expect(runCase(byName('task final status (snake_case, succeeded)')).output).toEqual({
      parameterValues: { Output: 'SUCCEEDED|run-8|x|None' },
    });
  });

  it('passes List[Artifact] inputs with each entry typed by its schema', () => {
    expect(runCase(byName('List[Artifact] input')).output).toEqual({
      parameterValues: { Output: 'p0,p1,p2/Model:plain,Artifact:plain' },
    });
  });

  it('maps gs://, minio:// and s3:// URIs to local mount paths', () => {
    const { root, output } = runCase(byName('remote URIs map to local mounts'));
    expect(output).toEqual({
      parameterValues: {
        Output: [
          '/gcs/bucket/run/g',
          '/minio/mlpipeline/run/m',
          '/s3/b/k/s',
          join(root, 'in', 'l'),
        ],
      },
    });
  });

  it('writes returned data into an artifact output', () => {
    const { root, output } = runCase(
      byName('returning data for an artifact output, and dsl.get_uri'),
    );
    expect(text(join(root, 'artifacts', 'Output'))).toBe('row\nrow');
    expect(outputArtifact(output, 'Output')).toEqual({
      name: 'Output',
      uri: join(root, 'artifacts', 'Output'),
      metadata: {},
    });
  });

  it('reports a returned Artifact object, with custom_path', () => {
    const { root, output } = runCase(byName('returning an Artifact object with a custom path'));
    expect(outputArtifact(output, 'Output')).toEqual({
      name: 'Output',
      uri: 'minio://bucket/custom/model',
      metadata: { k: 'v' },
      custom_path: join(root, 'custom.bin'),
    });
    expect(text(join(root, 'custom.bin'))).toBe('bits');
  });

  it('creates the parent directories of output paths', () => {
    const { root, output } = runCase(byName('outputs into directories that do not exist yet'));
    expect(text(join(root, 'a', 'b', 'c', 'params', 'out'))).toBe('deep');
    expect(text(join(root, 'a', 'b', 'c', 'artifacts', 'art'))).toBe('deep art');
    expect(output).toBeDefined();
  });

  it('keeps @dsl.component / @dsl.pipeline decorators importable', () => {
    expect(runCase(byName('decorated with @dsl.component')).output).toEqual({
      parameterValues: { Output: 2 },
    });
  });

  it('finds a containerized component through kfp_config.ini', () => {
    const root = freshRoot('kfp-config');
    mkdirSync(join(root, 'src', 'pkg'), { recursive: true });
    writeFileSync(
      join(root, 'src', 'pkg', 'helpers.py'),
      "def shout(s):\n    return s.upper() + '!'\n",
    );
    writeFileSync(
      join(root, 'src', 'concat.py'),
      "from kfp import dsl\nfrom pkg.helpers import shout\n\n@dsl.component(target_image='local/x:1')\n" +
        'def concat(a: str, b: str) -> str:\n    return shout(a + b)\n',
    );
    writeFileSync(join(root, 'kfp_config.ini'), '[Components]\nconcat = src/concat.py\n');
    const input = executorInput(join(root, 'out'), {
      parameters: { a: 'x', b: 'y' },
      outputParameters: ['Output'],
    });
    const result = spawnSync(
      HOST_PYTHON,
      [
        '-m',
        'kfp.dsl.executor_main',
        '--executor_input',
        JSON.stringify(input),
        '--function_to_execute',
        'concat',
      ],
      {
        env: { ...executorEnv('skiff'), _KFP_RUNTIME: '' },
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(readJson(input.outputs.outputFile)).toEqual({ parameterValues: { Output: 'XY!' } });
  });

  it('fails the task when the function raises, writing no output', () => {
    const root = freshRoot('raises');
    const input = executorInput(root, { outputParameters: ['Output'] });
    const run = runExecutor({
      python: HOST_PYTHON,
      env: executorEnv('skiff'),
      workDir: root,
      source: `${PREAMBLE}def boom() -> int:\n    raise ValueError('no good')\n`,
      fn: 'boom',
      input,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('ValueError: no good');
    expect(run.output).toBeUndefined();
  });

  it('rejects a return value of the wrong type', () => {
    const root = freshRoot('wrong-type');
    const run = runExecutor({
      python: HOST_PYTHON,
      env: executorEnv('skiff'),
      workDir: root,
      source: `${PREAMBLE}def bad() -> int:\n    return 'seven'\n`,
      fn: 'bad',
      input: executorInput(root, { outputParameters: ['Output'] }),
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/returned value of type <class 'str'>; want type <class 'int'>/);
  });

  it('lets only the chief write executor_output.json under CLUSTER_SPEC', () => {
    const c = byName('ints (add numbers)');
    const root = freshRoot('cluster-spec');
    const input = c.input(root);
    const run = runExecutor({
      python: HOST_PYTHON,
      env: { ...executorEnv('skiff'), CLUSTER_SPEC: '{"task":{"type":"workerpool1","index":0}}' },
      workDir: root,
      source: c.source,
      fn: c.fn,
      input,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Did not write output file.');
    expect(run.output).toBeUndefined();
  });
});

describe.skipIf(!haveCorpus())('Skiff offline executor on the corpus component sources', () => {
  it('imports and binds every compiled lightweight component', () => {
    const cases = corpusFiles().flatMap((file, f) =>
      corpusComponents(file)
        .filter((c) => c.source !== undefined && c.functionName !== undefined)
        .map((c, i) => ({
          id: `${c.file}#${c.executor}`,
          source: c.source,
          fn: c.functionName,
          executorInput: executorInputFor(c, join(WORK, 'bind', `${f}-${i}`)),
        })),
    );
    expect(cases.length).toBeGreaterThan(200);
    const casesFile = join(WORK, 'bind-cases.json');
    const resultFile = join(WORK, 'bind', 'result.json');
    mkdirSync(join(WORK, 'bind'), { recursive: true });
    writeFileSync(casesFile, JSON.stringify(cases));
    const probe = spawnSync(
      HOST_PYTHON,
      [join(import.meta.dirname, 'fixtures', 'bind_probe.py'), casesFile, resultFile],
      {
        env: executorEnv('skiff'),
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(probe.status, probe.stderr).toBe(0);
    const results = readJson(resultFile) as Record<
      string,
      { error?: string; message?: string; skipped?: string }
    >;
    expect(results.__kfp_file__).toBe(join(RUNTIME_DIR, 'kfp', '__init__.py'));
    delete results.__kfp_file__;
    const failures = Object.entries(results).filter(([, r]) => r.error !== undefined);
    expect(failures.map(([id, r]) => `${id}: ${r.error ?? ''} ${r.message ?? ''}`)).toEqual([]);
    const skipped = Object.values(results).filter((r) => r.skipped !== undefined);
    expect(skipped.length).toBeLessThan(10); // only sources needing e.g. nbclient at import
  });
});

describe('rewritten lightweight argv, end to end on the host', () => {
  const bootstrap = (packages: string[]): string =>
    '\nif ! [ -x "$(command -v pip)" ]; then\n    python3 -m ensurepip || python3 -m ensurepip --user\nfi\n\n' +
    `PIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip install --quiet --no-warn-script-location ${packages
      .map((p) => `'${p}'`)
      .join(' ')} && "$0" "$@"\n`;
  const stage2 =
    'program_path=$(mktemp -d)\n\nprintf "%s" "$0" > "$program_path/ephemeral_component.py"\n\n' +
    '_KFP_RUNTIME=true python3 -m kfp.dsl.executor_main --component_module_path "$program_path/ephemeral_component.py" "$@"\n';
  const source = `${PREAMBLE}def add(a: int, b: int) -> int:\n    return a + b\n`;

  function runArgv(argv: string[], env: NodeJS.ProcessEnv = {}) {
    const [cmd, ...args] = argv;
    return spawnSync(cmd ?? 'false', args, {
      env: { ...process.env, PYTHONPATH: '', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
  }
  const substitute = (argv: string[], input: ExecutorInput): string[] =>
    argv.map((a) => (a === '{{$}}' ? JSON.stringify(input) : a));

  it('runs a component without installing kfp and without PYTHONPATH set', () => {
    const root = freshRoot('rewrite-ok');
    const input = executorInput(root, { parameters: { a: 1, b: 2 }, outputParameters: ['Output'] });
    const argv = [
      'sh',
      '-c',
      bootstrap(['kfp==2.17.3', '--no-deps', 'typing-extensions>=3.7.4,<5; python_version<"3.9"']),
      'sh',
      '-ec',
      stage2,
      source,
      '--executor_input',
      '{{$}}',
      '--function_to_execute',
      'add',
    ];
    const result = runArgv(substitute(rewriteLightweightPythonArgv(argv, RUNTIME_DIR), input));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/pip/i);
    expect(readJson(input.outputs.outputFile)).toEqual({ parameterValues: { Output: 3 } });
  });

  it('fails with the offline message when a package is missing, naming image and fix', () => {
    const root = freshRoot('rewrite-missing');
    const input = executorInput(root, { parameters: { a: 1, b: 2 }, outputParameters: ['Output'] });
    const argv = [
      'sh',
      '-c',
      bootstrap(['surely-not-installed-pkg==1.0', 'kfp==2.17.3']),
      'sh',
      '-ec',
      stage2,
      source,
      '--executor_input',
      '{{$}}',
      '--function_to_execute',
      'add',
    ];
    const result = runArgv(substitute(rewriteLightweightPythonArgv(argv, RUNTIME_DIR), input), {
      SKIFF_IMAGE: 'python:3.11 (mapped to local/python-ml:bookworm)',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'Skiff is offline and `surely-not-installed-pkg` is not in image python:3.11 (mapped to local/python-ml:bookworm): ' +
        'add it to the image (docs/images.md) or map the image in Settings → Images',
    );
    expect(existsSync(input.outputs.outputFile)).toBe(false);
  });

  it.skipIf(!haveCorpus())('runs the corpus add_numbers command as compiled', () => {
    const c = corpusComponent('valid/critical/add_numbers.yaml', 'exec-add-numbers');
    const root = freshRoot('rewrite-corpus');
    const input = executorInputFor(c, root, { a: 5, b: 37 });
    const argv = rewriteLightweightPythonArgv([...c.command, ...c.args], RUNTIME_DIR);
    const result = runArgv(substitute(argv, input));
    expect(result.status, result.stderr).toBe(0);
    expect(readJson(input.outputs.outputFile)).toEqual({ parameterValues: { Output: 42 } });
  });
});

describe.skipIf(!havePythonMlImage())(`Skiff offline executor in ${PYTHON_ML_IMAGE}`, () => {
  const uid =
    typeof process.getuid === 'function' ? `${process.getuid()}:${process.getgid?.() ?? 0}` : '0:0';
  function dockerRun(root: string, argv: string[], env: Record<string, string> = {}) {
    return spawnSync(
      'docker',
      [
        'run',
        '--rm',
        '--network',
        'none',
        '--user',
        uid,
        '-v',
        `${RUNTIME_DIR}:${RUNTIME_DIR}:ro`,
        '-v',
        `${root}:${root}`,
        ...Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
        PYTHON_ML_IMAGE,
        ...argv,
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
  }

  it('runs python3 -m kfp.dsl.executor_main with PYTHONPATH set to the runtime', () => {
    const c = byName('Input[Dataset] to Output[Model]');
    const root = freshRoot('docker-executor');
    const input = c.input(root);
    writeFileSync(join(root, 'component.py'), c.source);
    const result = dockerRun(
      root,
      [
        'python3',
        '-m',
        'kfp.dsl.executor_main',
        '--component_module_path',
        join(root, 'component.py'),
        '--executor_input',
        JSON.stringify(input),
        '--function_to_execute',
        c.fn,
      ],
      { PYTHONPATH: RUNTIME_DIR, _KFP_RUNTIME: 'true' },
    );
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(readJson(input.outputs.outputFile)).toMatchObject({ parameterValues: { Output: 3 } });
    expect(text(join(root, 'artifacts', 'model'))).toBe('model of data');
  });

  it.skipIf(!haveCorpus())(
    'runs the rewritten corpus sklearn components (metrics_visualization_v2)',
    () => {
      for (const executor of ['exec-wine-classification', 'exec-digit-classification']) {
        const c = corpusComponent('valid/metrics_visualization_v2.yaml', executor);
        const root = freshRoot(`docker-${executor}`);
        const input = executorInputFor(c, root);
        const argv = rewriteLightweightPythonArgv([...c.command, ...c.args], RUNTIME_DIR).map(
          (a) => (a === '{{$}}' ? JSON.stringify(input) : a),
        );
        const result = dockerRun(root, argv, { SKIFF_IMAGE: PYTHON_ML_IMAGE });
        expect(result.status, result.stderr + result.stdout).toBe(0);
        expect(result.stderr).toContain('scikit-learn');
        const metrics = outputArtifact(readJson(input.outputs.outputFile), 'metrics') as {
          metadata: Record<string, unknown>;
        };
        if (executor === 'exec-wine-classification') {
          expect((metrics.metadata.confidenceMetrics as unknown[]).length).toBeGreaterThan(2);
        } else {
          expect(metrics.metadata.accuracy).toBeGreaterThan(50);
        }
      }
    },
  );

  it.skipIf(!haveCorpus())('fails a component whose package is not in the image, offline', () => {
    const c = corpusComponent(
      'valid/essential/component_with_pip_install.yaml',
      'exec-component-with-pip-install',
    );
    const root = freshRoot('docker-missing');
    const input = executorInputFor(c, root);
    const argv = rewriteLightweightPythonArgv([...c.command, ...c.args], RUNTIME_DIR).map((a) =>
      a === '{{$}}' ? JSON.stringify(input) : a,
    );
    const result = dockerRun(root, argv, { SKIFF_IMAGE: PYTHON_ML_IMAGE });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `Skiff is offline and \`yapf\` is not in image ${PYTHON_ML_IMAGE}: add it to the image (docs/images.md) or map the image in Settings → Images`,
    );
  });
});
