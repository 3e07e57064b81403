import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { SkiffError } from '../core/errors.js';
import {
  fromRunSpec,
  pipelineParameters,
  readPipelinePackage,
  toRunSpec,
  withCachingDisabled,
} from './kfp-package.js';

const SPEC_YAML = `# PIPELINE DEFINITION
pipelineInfo:
  name: hello
root:
  inputDefinitions:
    parameters:
      text: {parameterType: STRING}
  dag:
    tasks:
      say:
        cachingOptions: {enableCache: true}
        componentRef: {name: comp-say}
        taskInfo: {name: say}
components:
  comp-inner:
    dag:
      tasks:
        deep:
          componentRef: {name: comp-say}
          taskInfo: {name: deep}
  comp-say: {executorLabel: exec-say}
schemaVersion: 2.1.0
`;

const PLATFORM_YAML = `---
platforms:
  kubernetes:
    deploymentSpec: {executors: {}}
`;

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

async function failure(promise: Promise<unknown>): Promise<SkiffError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SkiffError) return error;
    throw error;
  }
  throw new Error('expected a SkiffError');
}

async function tarGz(files: Record<string, string>): Promise<Uint8Array> {
  const tar = pack();
  for (const [name, text] of Object.entries(files)) tar.entry({ name }, text);
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar as AsyncIterable<Buffer>) chunks.push(chunk);
  return gzipSync(Buffer.concat(chunks));
}

describe('readPipelinePackage', () => {
  it('reads IR YAML: the PipelineSpec, and a platform document when there is one', async () => {
    const plain = await readPipelinePackage(encode(SPEC_YAML), 'hello.yaml');
    expect(plain.pipelineSpec.pipelineInfo.name).toBe('hello');
    expect(plain.platformSpec).toBeUndefined();
    expect(toRunSpec(plain)).toBe(plain.pipelineSpec);

    const withPlatform = await readPipelinePackage(encode(SPEC_YAML + PLATFORM_YAML), 'hello.yaml');
    expect(withPlatform.platformSpec?.platforms).toHaveProperty('kubernetes');
    expect(toRunSpec(withPlatform)).toEqual({
      pipeline_spec: withPlatform.pipelineSpec,
      platform_spec: withPlatform.platformSpec,
    });
  });

  it('reads JSON, including KFP’s {pipeline_spec, platform_spec} struct', async () => {
    const docs = await readPipelinePackage(encode(SPEC_YAML), 'x.yaml');
    const json = JSON.stringify({
      pipeline_spec: docs.pipelineSpec,
      platform_spec: { platforms: {} },
    });
    const read = await readPipelinePackage(encode(json), 'x.json');
    expect(read.pipelineSpec).toEqual(docs.pipelineSpec);
    expect(read.platformSpec).toEqual({ platforms: {} });
  });

  it('reads the one pipeline file in a zip or a tar.gz', async () => {
    const zip = zipSync({ 'pipeline.yaml': encode(SPEC_YAML) });
    expect((await readPipelinePackage(zip, 'p.zip')).pipelineSpec.pipelineInfo.name).toBe('hello');
    const tgz = await tarGz({ 'pipeline.yaml': SPEC_YAML, 'README.txt': 'ignored' });
    expect((await readPipelinePackage(tgz, 'p.tar.gz')).pipelineSpec.pipelineInfo.name).toBe(
      'hello',
    );
  });

  it('refuses an archive with no or several pipeline files', async () => {
    const empty = zipSync({ 'notes.txt': encode('hi') });
    expect((await failure(readPipelinePackage(empty, 'p.zip'))).message).toContain('found 0');
    const two = zipSync({ 'a.yaml': encode(SPEC_YAML), 'b.yaml': encode(SPEC_YAML) });
    expect((await failure(readPipelinePackage(two, 'p.zip'))).message).toContain('found 2');
    const broken = await failure(readPipelinePackage(encode('not a zip'), 'p.zip'));
    expect(broken.message).toContain('p.zip: not a readable archive');
  });

  it('says what is wrong with a file that is no pipeline', async () => {
    const yamlError = await failure(readPipelinePackage(encode('a: [1,'), 'bad.yaml'));
    expect(yamlError).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(yamlError.message).toContain('bad.yaml: not valid YAML or JSON');
    const notSpec = await failure(readPipelinePackage(encode('name: x\n'), 'x.yaml'));
    expect(notSpec.message).toContain('x.yaml: not a KFP pipeline');
  });
});

describe('spec helpers', () => {
  it('turns caching off for every task of every DAG, without touching the original', async () => {
    const { pipelineSpec } = await readPipelinePackage(encode(SPEC_YAML), 'p.yaml');
    const off = withCachingDisabled(pipelineSpec);
    expect(off.root.dag?.tasks.say?.cachingOptions).toEqual({ enableCache: false });
    expect(off.components?.['comp-inner']?.dag?.tasks.deep?.cachingOptions).toEqual({
      enableCache: false,
    });
    expect(pipelineSpec.root.dag?.tasks.say?.cachingOptions).toEqual({ enableCache: true });
  });

  it('reads a version’s pipeline_spec in either shape and lists its parameters', async () => {
    const { pipelineSpec } = await readPipelinePackage(encode(SPEC_YAML), 'p.yaml');
    const spec = pipelineSpec as unknown as Record<string, unknown>;
    expect(fromRunSpec(spec)?.pipelineSpec).toBe(pipelineSpec);
    expect(fromRunSpec({ pipeline_spec: spec })?.pipelineSpec).toBe(pipelineSpec);
    expect(fromRunSpec({ something: 1 })).toBeUndefined();
    expect(pipelineParameters(pipelineSpec)).toEqual({ text: { parameterType: 'STRING' } });
  });
});
