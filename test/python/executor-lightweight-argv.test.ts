/**
 * The lightweight-component argv rewrite (engine/src/pipelines/python) end to end on the
 * host: the compiled `pip install … && python3 -m kfp.dsl.executor_main` command, rewritten,
 * runs on Skiff's offline runtime, or fails naming the missing package and the fix.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rewriteLightweightPythonArgv } from '../../engine/src/pipelines/python/lightweight-python.js';
import { PREAMBLE } from './components.js';
import { useExecutorScratch } from './executor-harness.js';
import {
  corpusComponent,
  executorInput,
  executorInputFor,
  haveCorpus,
  readJson,
  RUNTIME_DIR,
  type ExecutorInput,
} from './support.js';

const { freshRoot } = useExecutorScratch();

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
