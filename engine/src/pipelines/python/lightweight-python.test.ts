import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  defaultPythonRuntimeDir,
  isKfpRequirement,
  parseLightweightBootstrap,
  pythonRuntimeEnv,
  rewriteLightweightPythonArgv,
  tokenizeShell,
} from './lightweight-python.js';

const RUNTIME = '/opt/skiff/runtime/python';
const ENSURE = `${RUNTIME}/skiff_runtime/ensure_packages.py`;

// The corpus sits beside the checkout (../shared/corpus); it is third-party test data.
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CORPUS = process.env.SKIFF_CORPUS_DIR ?? resolve(REPO_ROOT, '..', 'shared', 'corpus');
const KFP_IR = join(CORPUS, 'kfp-ir');
const haveCorpus = existsSync(KFP_IR);
if (!haveCorpus) {
  console.warn(
    `[skip] KFP corpus tests skipped: ${KFP_IR} is absent (clone shared/ beside the repo).`,
  );
}

interface ExecutorArgv {
  file: string;
  executor: string;
  command: string[];
  args: string[];
}

function* yamlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* yamlFiles(path);
    else if (entry.name.endsWith('.yaml')) yield path;
  }
}

function corpusExecutors(): ExecutorArgv[] {
  const found: ExecutorArgv[] = [];
  for (const file of yamlFiles(KFP_IR)) {
    let docs: unknown[];
    try {
      docs = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS() as unknown);
    } catch {
      continue; // invalid/ holds files that are meant to be broken
    }
    for (const doc of docs) {
      const executors = (doc as { deploymentSpec?: { executors?: Record<string, unknown> } } | null)
        ?.deploymentSpec?.executors;
      for (const [executor, spec] of Object.entries(executors ?? {})) {
        const container = (spec as { container?: { command?: string[]; args?: string[] } })
          .container;
        if (!container) continue;
        found.push({
          file: file.slice(KFP_IR.length + 1),
          executor,
          command: container.command ?? [],
          args: container.args ?? [],
        });
      }
    }
  }
  return found;
}

function isCompiledLightweight(e: ExecutorArgv): boolean {
  return (
    e.command.length === 7 &&
    e.command[0] === 'sh' &&
    (e.command[2] ?? '').includes('pip install') &&
    (e.command[5] ?? '').includes('kfp.dsl.executor_main')
  );
}

function findExecutor(all: ExecutorArgv[], file: string, executor: string): ExecutorArgv {
  const hit = all.find((e) => e.file === file && e.executor === executor);
  if (!hit) throw new Error(`corpus has no ${file} ${executor}`);
  return hit;
}

/** Splits a rewritten argv into (requirements, rest) and checks its fixed parts. */
function splitRewritten(out: string[]): { requirements: string[]; rest: string[] } {
  expect(out[0]).toBe('python3');
  expect(out[1]).toBe(ENSURE);
  const separator = out.indexOf('--');
  expect(separator).toBeGreaterThan(1);
  return { requirements: out.slice(2, separator), rest: out.slice(separator + 1) };
}

/** A bootstrap script in the SDK's layout, written here to cover options the corpus lacks. */
function bootstrapScript(opts: {
  packages?: string[];
  kfp?: string[] | null;
  indexOptions?: string;
  venv?: boolean;
}): string {
  const pip = (parts: string[]): string =>
    `python3 -m pip install --quiet --no-warn-script-location ${opts.indexOptions ?? ''}${parts
      .map((p) => `'${p}'`)
      .join(' ')}`;
  const commands: string[] = [];
  if (opts.packages?.length) commands.push(pip(opts.packages));
  if (opts.packages?.length && opts.kfp) commands.push(' && ');
  if (opts.kfp) {
    if (opts.venv) {
      commands.push(
        '\nexport PIP_DISABLE_PIP_VERSION_CHECK=1\ntmp=$(mktemp -d)\n' +
          'python3 -m venv "$tmp/venv" --system-site-packages\n. "$tmp/venv/bin/activate"\n',
      );
    }
    commands.push(pip(opts.kfp));
  }
  return (
    '\nif ! [ -x "$(command -v pip)" ]; then\n' +
    '    python3 -m ensurepip || python3 -m ensurepip --user || apt-get install python3-pip\n' +
    'fi\n\n' +
    `PIP_DISABLE_PIP_VERSION_CHECK=1 ${commands.join(' ')} && "$0" "$@"\n`
  );
}

const KFP_PARTS = ['kfp==2.17.3', '--no-deps', 'typing-extensions>=3.7.4,<5; python_version<"3.9"'];
const TYPING_EXT = 'typing-extensions>=3.7.4,<5; python_version<"3.9"';
const STAGE2 = [
  'sh',
  '-ec',
  'program_path=$(mktemp -d)\nprintf "%s" "$0" > "$program_path/ephemeral_component.py"\n' +
    '_KFP_RUNTIME=true python3 -m kfp.dsl.executor_main --component_module_path "$program_path/ephemeral_component.py" "$@"\n',
  '\nimport kfp\nfrom kfp import dsl\n\ndef f() -> int:\n    return 1\n',
  '--executor_input',
  '{{$}}',
  '--function_to_execute',
  'f',
];
const handMade = (script: string): string[] => ['sh', '-c', script, ...STAGE2];

describe.skipIf(!haveCorpus)('rewriteLightweightPythonArgv on the KFP corpus', () => {
  const all = haveCorpus ? corpusExecutors() : [];
  const lightweight = all.filter(isCompiledLightweight);

  it('finds the compiled lightweight components', () => {
    expect(lightweight.length).toBeGreaterThan(200);
  });

  it('rewrites every compiled lightweight component: kfp dropped, stage 2 kept verbatim', () => {
    for (const e of lightweight) {
      const argv = [...e.command, ...e.args];
      const out = rewriteLightweightPythonArgv(argv, RUNTIME);
      const { requirements, rest } = splitRewritten(out);
      expect(rest, `${e.file} ${e.executor}`).toEqual(argv.slice(3));
      expect(requirements.some(isKfpRequirement), `${e.file} ${e.executor}`).toBe(false);
      expect(out.join('\n')).not.toMatch(/pip install/);
      const parsed = parseLightweightBootstrap(argv);
      expect(parsed?.kfpRequirements, `${e.file} ${e.executor}`).toHaveLength(1);
      expect(parsed?.kfpRequirements[0]).toMatch(/^kfp==2\.\d+\.\d+$/);
    }
  });

  it('also recognises the command alone (args appended later by the scheduler)', () => {
    for (const e of lightweight) {
      const out = rewriteLightweightPythonArgv(e.command, RUNTIME);
      expect(splitRewritten(out).rest).toEqual(e.command.slice(3));
    }
  });

  it('leaves every other container command unchanged', () => {
    const others = all.filter((e) => !isCompiledLightweight(e));
    expect(others.length).toBeGreaterThan(10);
    for (const e of others) {
      const argv = [...e.command, ...e.args];
      expect(rewriteLightweightPythonArgv(argv, RUNTIME), `${e.file} ${e.executor}`).toEqual(argv);
    }
  });

  it('keeps only the marker-guarded typing-extensions for a kfp-only bootstrap (add_numbers)', () => {
    const e = findExecutor(all, 'valid/critical/add_numbers.yaml', 'exec-add-numbers');
    const parsed = parseLightweightBootstrap([...e.command, ...e.args]);
    expect(parsed?.requirements).toEqual([TYPING_EXT]);
    expect(parsed?.kfpRequirements).toEqual(['kfp==2.14.6']);
    expect(parsed?.usedVenv).toBe(false);
  });

  it('keeps user packages, and records index URLs (component_with_pip_install)', () => {
    const e = findExecutor(
      all,
      'valid/essential/component_with_pip_install.yaml',
      'exec-component-with-pip-install',
    );
    const parsed = parseLightweightBootstrap([...e.command, ...e.args]);
    expect(parsed?.requirements).toEqual(['yapf', TYPING_EXT]);
    expect(parsed?.indexUrls).toEqual(['https://pypi.org/simple', 'https://pypi.org/simple']);
  });

  it('keeps version pins of packages installed after kfp (iris normalize-dataset)', () => {
    const e = findExecutor(
      all,
      'valid/essential/iris_pipeline_compiled.yaml',
      'exec-normalize-dataset',
    );
    const parsed = parseLightweightBootstrap([...e.command, ...e.args]);
    expect(parsed?.requirements).toEqual([TYPING_EXT, 'pandas==2.2.0', 'scikit-learn==1.4.0']);
  });

  it('passes scikit-learn on for metrics_visualization_v2', () => {
    const e = findExecutor(all, 'valid/metrics_visualization_v2.yaml', 'exec-digit-classification');
    const { requirements } = splitRewritten(
      rewriteLightweightPythonArgv([...e.command, ...e.args], RUNTIME),
    );
    expect(requirements).toEqual(['scikit-learn', TYPING_EXT]);
  });

  it('does not touch the containerized python component (python3 -m kfp.dsl.executor_main)', () => {
    const e = findExecutor(all, 'valid/containerized_python_component.yaml', 'exec-concat-message');
    const argv = [...e.command, ...e.args];
    expect(rewriteLightweightPythonArgv(argv, RUNTIME)).toEqual(argv);
  });
});

describe('rewriteLightweightPythonArgv on hand-made bootstraps', () => {
  it('kfp only', () => {
    const out = rewriteLightweightPythonArgv(
      handMade(bootstrapScript({ kfp: KFP_PARTS })),
      RUNTIME,
    );
    expect(out).toEqual(['python3', ENSURE, TYPING_EXT, '--', ...STAGE2]);
  });

  it('use_venv=True without user packages: venv lines skipped, nothing but kfp asked', () => {
    const argv = handMade(bootstrapScript({ kfp: KFP_PARTS, venv: true }));
    const parsed = parseLightweightBootstrap(argv);
    expect(parsed).toMatchObject({ usedVenv: true, requirements: [TYPING_EXT] });
    expect(rewriteLightweightPythonArgv(argv, RUNTIME)).toEqual([
      'python3',
      ENSURE,
      TYPING_EXT,
      '--',
      ...STAGE2,
    ]);
  });

  it('use_venv=True with user packages', () => {
    const argv = handMade(
      bootstrapScript({ packages: ['numpy>=1.20', 'pandas'], kfp: KFP_PARTS, venv: true }),
    );
    expect(parseLightweightBootstrap(argv)).toMatchObject({
      usedVenv: true,
      requirements: ['numpy>=1.20', 'pandas', TYPING_EXT],
      kfpRequirements: ['kfp==2.17.3'],
    });
  });

  it('several index URLs with trusted hosts', () => {
    const indexOptions =
      '--index-url https://a.example/simple --extra-index-url https://b.example/simple ' +
      '--trusted-host https://a.example/simple --trusted-host https://b.example/simple ';
    const argv = handMade(bootstrapScript({ packages: ['yapf'], kfp: KFP_PARTS, indexOptions }));
    expect(parseLightweightBootstrap(argv)).toMatchObject({
      requirements: ['yapf', TYPING_EXT],
      indexUrls: [
        'https://a.example/simple',
        'https://b.example/simple',
        'https://a.example/simple',
        'https://b.example/simple',
      ],
    });
  });

  it('install_kfp_package=False: user packages only', () => {
    const argv = handMade(bootstrapScript({ packages: ['xgboost==1.7.4'], kfp: null }));
    expect(rewriteLightweightPythonArgv(argv, RUNTIME)).toEqual([
      'python3',
      ENSURE,
      'xgboost==1.7.4',
      '--',
      ...STAGE2,
    ]);
  });

  it('kfp from a git URL or a local wheel (kfp_package_path) counts as kfp', () => {
    const git = 'git+https://github.com/kubeflow/pipelines.git@master#subdirectory=sdk/python';
    const argv = handMade(bootstrapScript({ kfp: [git] }));
    expect(parseLightweightBootstrap(argv)).toMatchObject({
      requirements: [],
      kfpRequirements: [git],
    });
    expect(isKfpRequirement('/tmp/dist/kfp-2.17.3-py3-none-any.whl')).toBe(true);
    expect(isKfpRequirement('kfp[kubernetes]>=2')).toBe(true);
    expect(isKfpRequirement('kfp-kubernetes')).toBe(false);
    expect(isKfpRequirement('kfpx')).toBe(false);
  });

  it('a user-written bootstrap with plain `pip install`', () => {
    const argv = ['sh', '-c', 'pip install pyyaml requests && "$0" "$@"', 'python3', 'main.py'];
    expect(rewriteLightweightPythonArgv(argv, RUNTIME)).toEqual([
      'python3',
      ENSURE,
      'pyyaml',
      'requests',
      '--',
      'python3',
      'main.py',
    ]);
  });

  it('joins the runtime directory with POSIX separators', () => {
    const out = rewriteLightweightPythonArgv(handMade(bootstrapScript({ kfp: KFP_PARTS })), '/r/');
    expect(out[1]).toBe('/r/skiff_runtime/ensure_packages.py');
  });

  it('does not modify its input', () => {
    const argv = Object.freeze(handMade(bootstrapScript({ kfp: KFP_PARTS })));
    const copy = [...argv];
    rewriteLightweightPythonArgv(argv, RUNTIME);
    expect(argv).toEqual(copy);
  });

  const unchanged: [string, string[]][] = [
    [
      'a containerized component',
      ['python3', '-m', 'kfp.dsl.executor_main', '--executor_input', '{}'],
    ],
    ['a plain shell step', ['sh', '-c', 'echo "$0"', 'hello']],
    ['no command after the bootstrap', ['sh', '-c', bootstrapScript({ kfp: KFP_PARTS })]],
    [
      'an extra command in the bootstrap',
      handMade('apt-get install -y git && pip install foo && "$0" "$@"'),
    ],
    ['`||` fallback', handMade('pip install foo || true && "$0" "$@"')],
    ['a requirements file', handMade('pip install -r requirements.txt && "$0" "$@"')],
    ['an expansion in a requirement', handMade('pip install "$PKG" && "$0" "$@"')],
    ['not ending with "$0" "$@"', handMade('pip install foo')],
    ['unbalanced quotes', handMade('pip install \'foo && "$0" "$@"')],
    ['`-c` not second', ['sh', '-ec', bootstrapScript({ kfp: KFP_PARTS }), ...STAGE2]],
    ['another interpreter', ['python3', '-c', 'pip install foo && "$0" "$@"', 'x']],
  ];
  it.each(unchanged)('leaves %s unchanged', (_name, argv) => {
    expect(rewriteLightweightPythonArgv(argv, RUNTIME)).toEqual(argv);
  });
});

describe('helpers', () => {
  it('tokenizes quotes, escapes and operators like sh', () => {
    const tokens = tokenizeShell(`a 'b c' "d \\"e\\" $x" f\\ g && h\n# note\ni`);
    expect(tokens?.map((t) => t.value)).toEqual([
      'a',
      'b c',
      'd "e" $x',
      'f g',
      '&&',
      'h',
      '\n',
      '\n',
      'i',
    ]);
    expect(tokenizeShell(`'open`)).toBeUndefined();
  });

  it('puts the runtime first on PYTHONPATH once', () => {
    expect(pythonRuntimeEnv('/rt')).toEqual({ PYTHONPATH: '/rt' });
    expect(pythonRuntimeEnv('/rt', '/a:/rt:/b')).toEqual({ PYTHONPATH: '/rt:/a:/b' });
  });

  it('locates the runtime shipped with the engine', () => {
    const dir = defaultPythonRuntimeDir();
    expect(existsSync(join(dir, 'kfp', 'dsl', 'executor_main.py'))).toBe(true);
    expect(existsSync(join(dir, 'skiff_runtime', 'ensure_packages.py'))).toBe(true);
  });
});
