import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComponentSpec } from '../ir/pipeline-spec.js';
import { taskLayout, type TaskLayout } from './executor-input.js';
import { collectOutputs, parseParameterFile } from './output-collector.js';
import type { ArtifactRef } from './run-model.js';

const component: ComponentSpec = {
  outputDefinitions: {
    parameters: {
      text: { parameterType: 'STRING' },
      flag: { parameterType: 'BOOLEAN' },
      count: { parameterType: 'NUMBER_INTEGER' },
      items: { parameterType: 'LIST' },
    },
  },
};

let root: string;
let layout: TaskLayout;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'skiff-collect-'));
  layout = taskLayout(root, ['t'], 'id');
  await mkdir(layout.parametersDir, { recursive: true });
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe('collectOutputs', () => {
  it('reads parameter files by declared type', async () => {
    await writeFile(layout.parameterFile('text'), 'hello\n');
    await writeFile(layout.parameterFile('flag'), 'True');
    await writeFile(layout.parameterFile('count'), '42\n');
    await writeFile(layout.parameterFile('items'), '["a", 1]');
    const outputs = await collectOutputs(component, layout, {});
    expect(outputs.parameters).toEqual({ text: 'hello\n', flag: true, count: 42, items: ['a', 1] });
  });

  it('lets executor_output.json win over parameter files', async () => {
    await writeFile(layout.parameterFile('text'), 'from file');
    await writeFile(
      layout.executorOutputFile,
      JSON.stringify({
        parameterValues: { text: 'from executor', flag: false, count: 1, items: [] },
      }),
    );
    const outputs = await collectOutputs(component, layout, {});
    expect(outputs.parameters.text).toBe('from executor');
  });

  it('merges artifact metadata written by the executor', async () => {
    const planned: Record<string, ArtifactRef> = {
      metrics: {
        artifactId: 'm',
        name: 'metrics',
        type: { schemaTitle: 'system.Metrics' },
        uri: layout.artifactUri('metrics'),
        metadata: { a: 1 },
      },
    };
    await writeFile(
      layout.executorOutputFile,
      JSON.stringify({
        artifacts: { metrics: { artifacts: [{ name: 'metrics', metadata: { accuracy: 0.9 } }] } },
      }),
    );
    const outputs = await collectOutputs({}, layout, planned);
    expect(outputs.artifacts.metrics).toEqual([
      { ...planned.metrics, metadata: { a: 1, accuracy: 0.9 } },
    ]);
  });

  it('fails naming a declared output parameter that was never written', async () => {
    await expect(
      collectOutputs(
        { outputDefinitions: { parameters: { Output: { parameterType: 'STRING' } } } },
        layout,
        {},
      ),
    ).rejects.toThrow(/without output parameter "Output"/);
  });

  it('fails when executor_output.json is not a JSON object', async () => {
    await writeFile(layout.executorOutputFile, '[1]');
    await expect(collectOutputs({}, layout, {})).rejects.toThrow(/not a JSON object/);
  });
});

describe('parseParameterFile', () => {
  it('explains a value that does not match its type', () => {
    expect(() => parseParameterFile('NUMBER_DOUBLE', 'abc', 'x')).toThrow(
      /declared NUMBER_DOUBLE but its file holds "abc"/,
    );
  });
});

describe('collectOutputs with custom_path', () => {
  it('copies an artifact written to its custom path into its URI', async () => {
    const custom = path.join(root, 'elsewhere.txt');
    await writeFile(custom, 'Hello, World!');
    const planned: Record<string, ArtifactRef> = {
      out: {
        artifactId: 'o',
        name: 'out',
        type: { schemaTitle: 'system.Dataset' },
        uri: layout.artifactUri('out'),
        metadata: {},
      },
    };
    await writeFile(
      layout.executorOutputFile,
      JSON.stringify({
        artifacts: { out: { artifacts: [{ name: 'out', uri: custom, custom_path: custom }] } },
      }),
    );
    const outputs = await collectOutputs({}, layout, planned);
    expect(outputs.artifacts.out?.[0]?.uri).toBe(layout.artifactUri('out'));
    expect(await readFile(layout.artifactUri('out'), 'utf8')).toBe('Hello, World!');
  });

  it('fails clearly when the custom path is not on this machine', async () => {
    const planned: Record<string, ArtifactRef> = {
      out: { artifactId: 'o', name: 'out', type: {}, uri: layout.artifactUri('out'), metadata: {} },
    };
    await writeFile(
      layout.executorOutputFile,
      JSON.stringify({ artifacts: { out: { artifacts: [{ custom_path: '/nonexistent/x' }] } } }),
    );
    await expect(collectOutputs({}, layout, planned)).rejects.toThrow(
      /custom path \/nonexistent\/x, but it does not exist on this machine/,
    );
  });
});
