import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliContext } from './cli-context.js';
import { runCli } from './main.js';
import { checkParameters, readFileSource } from './run-create.js';
import { parseParameterArgs } from './run-parameters.js';
import { runListFilter } from './run-list.js';

const SPEC = `pipelineInfo: {name: demo, displayName: Demo pipeline}
root:
  inputDefinitions:
    parameters:
      n: {parameterType: NUMBER_INTEGER}
  dag:
    tasks:
      t: {taskInfo: {name: t}, componentRef: {name: c}, cachingOptions: {enableCache: true}}
`;

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'skiff-run-create-'));
  file = path.join(dir, 'demo.yaml');
  await writeFile(file, SPEC);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function context(): CliContext & { err: () => string } {
  let err = '';
  return {
    stdout: { write: () => undefined },
    stderr: { write: (text: string) => (err += text) },
    env: { SKIFF_HOME: dir },
    onInterrupt: () => () => undefined,
    err: () => err,
  };
}

describe('readFileSource', () => {
  it('reads a pipeline file into an inline spec with its inputs', async () => {
    const source = await readFileSource(file, false);
    if (source === undefined) throw new Error('expected a source');
    expect(source.pipelineName).toBe('Demo pipeline');
    expect(source.description).toBe('demo.yaml');
    expect(source.definitions).toEqual({ n: { parameterType: 'NUMBER_INTEGER' } });
    expect(checkParameters(source, parseParameterArgs(['n=3']))).toEqual({ n: 3 });
  });

  it('turns caching off in the inline spec for --no-cache', async () => {
    const source = await readFileSource(file, true);
    const pipeline = source?.pipeline as {
      pipeline_spec: { root: { dag: { tasks: { t: unknown } } } };
    };
    expect(pipeline.pipeline_spec.root.dag.tasks.t).toMatchObject({
      cachingOptions: { enableCache: false },
    });
  });

  it('takes a name that is no file for a pipeline, but a missing path for a mistake', async () => {
    expect(await readFileSource('my-pipeline', false)).toBeUndefined();
    await expect(readFileSource(path.join(dir, 'nope.yaml'), false)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(readFileSource('missing.zip', false)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('skiff run create without an engine', () => {
  it('refuses a bad -p with exit 2 before looking for the engine', async () => {
    const ctx = context();
    expect(await runCli(['run', 'create', file, '-p', 'n=many'], ctx)).toBe(2);
    expect(ctx.err()).toBe('skiff: -p n: expects an integer (NUMBER_INTEGER), got "many".\n');
  });

  it('gets as far as the engine with good parameters (exit 6: none runs)', async () => {
    expect(await runCli(['run', 'create', file, '-p', 'n=2'], context())).toBe(6);
  });

  it('refuses options that belong to another action', async () => {
    const ctx = context();
    expect(await runCli(['run', 'list', '--watch'], ctx)).toBe(2);
    expect(ctx.err()).toContain('--watch does not apply to `run list`');
  });
});

describe('runListFilter', () => {
  it('accepts states in any case and refuses unknown ones and bad limits', () => {
    expect(runListFilter({ state: 'failed' })).toEqual({
      experiment: undefined,
      state: 'FAILED',
      limit: 50,
    });
    expect(() => runListFilter({ state: 'DONE' })).toThrow(/--state: "DONE" is not a run state/);
    expect(() => runListFilter({ limit: '0' })).toThrow(/--limit/);
  });
});
