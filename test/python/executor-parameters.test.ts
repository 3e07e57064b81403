/**
 * Skiff's offline KFP executor (engine/runtime/python) on the host, run as tasks run it
 * (`python3 -m kfp.dsl.executor_main …` with the runtime on PYTHONPATH): parameters in,
 * parameters out, and return values checked against their annotation.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREAMBLE } from './components.js';
import { byName, text, useExecutorScratch } from './executor-harness.js';
import { executorEnv, executorInput, HOST_PYTHON, runExecutor } from './support.js';

const { freshRoot, runCase } = useExecutorScratch();

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

  it('accepts a plain tuple for a NamedTuple class return', () => {
    expect(runCase(byName('NamedTuple returned as a plain tuple')).output).toEqual({
      parameterValues: { a: 'x', b: 1.5 },
    });
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
});
