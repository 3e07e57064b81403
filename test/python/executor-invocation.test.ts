/**
 * Skiff's offline KFP executor (engine/runtime/python) on the host, as a task invokes it:
 * how it finds the component (decorated source, kfp_config.ini), and when it writes no
 * executor_output.json (the function raised, or this is not the chief under CLUSTER_SPEC).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREAMBLE } from './components.js';
import { byName, useExecutorScratch } from './executor-harness.js';
import { executorEnv, executorInput, HOST_PYTHON, readJson, runExecutor } from './support.js';

const { freshRoot, runCase } = useExecutorScratch();

describe('Skiff offline executor on the host', () => {
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
