import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SkiffError } from '../../core/errors.js';
import { findPipelineProblems } from './ir-validator.js';
import {
  pipelinePackageFromValue,
  readPipelinePackage,
  serializePipelinePackage,
} from './package-reader.js';
import type { PipelinePackage, ProtoValue } from './pipeline-spec.js';
import { bytes, tarGzOf, tarOf, zipOf } from './testing/archives.js';
import { rootTask, twoStepPipeline } from './testing/two-step-pipeline.js';

const SPEC_YAML = serializePipelinePackage(twoStepPipeline());
const PLATFORMS = { platforms: { kubernetes: { deploymentSpec: { executors: {} } } } };

function rejection(data: Uint8Array, fileName?: string): SkiffError {
  try {
    readPipelinePackage(data, fileName);
  } catch (error) {
    if (error instanceof SkiffError && error.code === 'INVALID_ARGUMENT') return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('readPipelinePackage accepts', () => {
  it('IR YAML, and reads back what serializePipelinePackage wrote', () => {
    expect(readPipelinePackage(bytes(SPEC_YAML))).toEqual(twoStepPipeline());
  });

  it('a second YAML document with platforms, and writes it back', () => {
    const pkg: PipelinePackage = { ...twoStepPipeline(), platformSpec: PLATFORMS };
    const text = serializePipelinePackage(pkg);
    expect(text).toMatch(/^# PIPELINE DEFINITION\n# Name: two-step\n/);
    expect(text).toContain('\n---\nplatforms:');
    expect(readPipelinePackage(bytes(text))).toEqual(pkg);
  });

  it('JSON, as a PipelineSpec or as the backend’s {pipeline_spec, platform_spec}', () => {
    const spec = twoStepPipeline().pipelineSpec;
    expect(readPipelinePackage(bytes(JSON.stringify(spec)), 'p.json')).toEqual(twoStepPipeline());
    const struct = { pipeline_spec: spec, platform_spec: PLATFORMS };
    expect(readPipelinePackage(bytes(JSON.stringify(struct)))).toEqual({
      pipelineSpec: spec,
      platformSpec: PLATFORMS,
    });
    expect(pipelinePackageFromValue({ pipeline_spec: spec, platform_spec: {} })).toEqual(
      twoStepPipeline(),
    );
  });

  it('a zip holding one pipeline file among other files and macOS litter', () => {
    const zip = zipOf({
      'bundle/': new Uint8Array(),
      'bundle/README.md': '# notes',
      'bundle/pipeline.yaml': SPEC_YAML,
      '__MACOSX/bundle/._pipeline.yaml': 'resource fork',
    });
    expect(readPipelinePackage(zip, 'upload.bin')).toEqual(twoStepPipeline());
    expect(readPipelinePackage(zipOf({ 'p.yml': SPEC_YAML }, 0))).toEqual(twoStepPipeline());
  });

  it('tar and tar.gz archives, long paths included', async () => {
    const deep = `${'directory/'.repeat(15)}pipeline.yaml`;
    expect(
      readPipelinePackage(await tarGzOf({ 'a/': '', [deep]: SPEC_YAML, 'a/notes.txt': 'x' })),
    ).toEqual(twoStepPipeline());
    expect(
      readPipelinePackage(
        await tarOf({ 'pipeline.json': JSON.stringify(twoStepPipeline().pipelineSpec) }),
      ),
    ).toEqual(twoStepPipeline());
  });

  it('a gzipped YAML file', () => {
    expect(readPipelinePackage(gzipSync(SPEC_YAML), 'p.yaml.gz')).toEqual(twoStepPipeline());
  });

  it('UTF-8 with a byte-order mark, and UTF-16 as Windows shells write it', () => {
    expect(readPipelinePackage(bytes(`\uFEFF${SPEC_YAML}`))).toEqual(twoStepPipeline());
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SPEC_YAML, 'utf16le')]);
    expect(readPipelinePackage(utf16)).toEqual(twoStepPipeline());
  });

  it('quoted strings continued at the column of their list dash, as PyYAML allows', () => {
    const text = [
      'deploymentSpec:',
      '  command:',
      '    - sh',
      '    - "echo \\',
      '    \\ one"',
      "    - 'a",
      "    b'",
      '    - last',
    ].join('\n');
    expect(readPipelinePackage(bytes(text)).pipelineSpec).toEqual({
      deploymentSpec: { command: ['sh', 'echo  one', 'a b', 'last'] },
    });
  });
});

describe('readPipelinePackage rejects', () => {
  it.each([
    ['an empty file', '', /is empty/],
    ['a file of comments', '# PIPELINE DEFINITION\n# Name: echo\n', /is empty/],
    ['a list', '- a\n- b\n', /not a pipeline: its top level is a list/],
    ['a scalar', 'hello\n', /not a pipeline: its top level is a string/],
    ['three documents', 'a: 1\n---\nb: 2\n---\nc: 3\n', /holds 3 YAML documents/],
    [
      'a second document without platforms',
      'pipelineInfo: {name: x}\nroot: {}\n---\nfoo: 1\n',
      /document 2 must be a PlatformSpec/,
    ],
    [
      'an Argo workflow',
      'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n',
      /Argo Workflow.*KFP v2 SDK/,
    ],
    [
      'a Kubernetes manifest',
      'apiVersion: pipelines.kubeflow.org/v2beta1\nkind: PipelineVersion\n',
      /kind: PipelineVersion/,
    ],
    [
      'a component',
      'name: train\nimplementation: {container: {image: x}}\n',
      /component definition/,
    ],
  ])('%s', (_what, text, message) => {
    expect(rejection(bytes(text), 'p.yaml').message).toMatch(message);
  });

  it('invalid YAML, naming the line and column', () => {
    const error = rejection(bytes('pipelineInfo:\n  name: x\nroot: [1, 2\n  b: c\n'), 'bad.yaml');
    expect(error.message).toMatch(/^"bad\.yaml", line \d+, column \d+: invalid YAML: /);
    expect(error.details).toMatchObject({
      line: expect.any(Number) as number,
      column: expect.any(Number) as number,
    });
  });

  it.each([
    ['a repeated key', 'a: 1\nb: 2\na: 3\n', /line 3, column 1: the key "a" appears twice/],
    ['a __proto__ key', 'root:\n  __proto__: {x: 1}\n', /"__proto__" is not allowed/],
    ['a collection key', '? [a]\n: b\n', /keys must be strings/],
    ['NaN', 'a: .nan\n', /\.?NaN cannot be represented in JSON/],
    ['binary values', 'a: !!binary aGVsbG8=\n', /binary/],
    ['a self-referencing alias', 'a: &x\n  b: *x\n', /refers to a value that contains it/],
    ['an alias before its anchor', 'a: *x\nb: &x 1\n', /before its anchor/],
  ])('%s', (_what, text, message) => {
    expect(rejection(bytes(text)).message).toMatch(message);
  });

  it('documents nested too deep, in flow or block style, without overflowing the stack', () => {
    expect(rejection(bytes(`a: ${'['.repeat(10_000)}${']'.repeat(10_000)}`)).message).toMatch(
      /nest more than 100/,
    );
    const block = Array.from({ length: 5000 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n');
    expect(rejection(bytes(block)).message).toMatch(/nest more than 100/);
    expect(rejection(bytes('['.repeat(200_000) + ']'.repeat(200_000)), 'p.json').message).toMatch(
      /nests more than 100/,
    );
  });

  it('alias expansion bombs', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const name of 'bcdefgh')
      lines.push(
        `${name}: &${name} [${Array(10)
          .fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`)
          .join(', ')}]`,
      );
    const started = performance.now();
    expect(rejection(bytes(lines.join('\n'))).message).toMatch(/expands to more than/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('invalid JSON in a .json file', () => {
    expect(rejection(bytes('{"pipelineInfo": }'), 'p.json').message).toMatch(
      /^"p\.json".*invalid JSON/,
    );
  });

  it('a PNG image and other binary files', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(rejection(png, 'logo.yaml').message).toBe(
      '"logo.yaml" is a PNG image, not a pipeline. Upload the YAML file kfp.compiler wrote (or a zip/tar.gz holding it).',
    );
    expect(rejection(new Uint8Array([1, 2, 0, 3])).message).toMatch(/is a binary file/);
    expect(rejection(new Uint8Array([0x61, 0x3a, 0x20, 0xc3, 0x28])).message).toMatch(/not text/);
  });

  it('empty and corrupt zips', () => {
    expect(rejection(zipOf({}), 'empty.zip').message).toMatch(
      /The zip archive "empty\.zip" is empty/,
    );
    const zip = zipOf({ 'p.yaml': SPEC_YAML });
    expect(rejection(zip.subarray(0, zip.length - 30)).message).toMatch(/zip archive is corrupt/);
    const damaged = zip.slice();
    damaged[60] = (damaged[60] ?? 0) ^ 0xff;
    expect(rejection(damaged).message).toMatch(/zip archive is corrupt.*"p\.yaml"/);
  });

  it('archives with no pipeline file, or several', async () => {
    expect(rejection(zipOf({ 'README.md': 'x', 'train.py': 'y' })).message).toMatch(
      /holds no pipeline file \(\.yaml, \.yml or \.json\); it holds "README\.md", "train\.py"/,
    );
    expect(rejection(await tarGzOf({ 'a.yaml': SPEC_YAML, 'b.json': '{}' })).message).toMatch(
      /tar\.gz archive .* holds 2 pipeline files \("a\.yaml", "b\.json"\); it must hold exactly one/,
    );
    expect(rejection(zipOf({ 'inner.yaml': zipOf({ 'p.yaml': SPEC_YAML }) })).message).toMatch(
      /is a zip archive, not a pipeline/,
    );
  });

  it('files over 32 MB, compressed (zip and gzip bombs) or not', () => {
    const zeros = new Uint8Array(33 * 1024 * 1024);
    expect(rejection(zeros.fill(0x20), 'big.yaml').message).toMatch(/larger than 32 MB/);
    zeros.fill(0);
    expect(rejection(zipOf({ 'p.yaml': zeros }), 'bomb.zip').message).toMatch(
      /"p\.yaml" is larger than 32 MB/,
    );
    expect(rejection(gzipSync(zeros), 'bomb.gz').message).toMatch(/larger than 32 MB/);
  });

  it('a zip whose header understates the size of a bomb', () => {
    const zip = zipOf({ 'p.yaml': new Uint8Array(40 * 1024 * 1024) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const central = zip.length - 22 - (46 + 'p.yaml'.length);
    view.setUint32(central + 24, 100, true); // the declared uncompressed size
    expect(rejection(zip).message).toMatch(/larger than 32 MB/);
  });
});

describe('serializePipelinePackage', () => {
  it('round-trips any JSON the spec may carry in unknown fields and constants', () => {
    const json = fc
      .jsonValue({ maxDepth: 4, stringUnit: 'grapheme' })
      .filter((value) => !JSON.stringify(value).includes('"__proto__"'));
    fc.assert(
      fc.property(json, json, (extra, constant) => {
        const pkg = twoStepPipeline();
        const produce = rootTask(pkg.pipelineSpec, 'produce') as unknown as Record<
          string,
          ProtoValue
        >;
        produce.futureField = extra as ProtoValue;
        pkg.platformSpec = { platforms: { kubernetes: { value: constant as ProtoValue } } };
        expect(readPipelinePackage(bytes(serializePipelinePackage(pkg)))).toEqual(pkg);
      }),
      { numRuns: 300 },
    );
  });

  it('quotes strings YAML 1.1 readers would take for other types', () => {
    const pkg = twoStepPipeline();
    pkg.pipelineSpec.sdkVersion = 'yes';
    pkg.pipelineSpec.defaultPipelineRoot = '0o17';
    const text = serializePipelinePackage(pkg);
    expect(text).toContain('sdkVersion: "yes"');
    expect(text).toContain('defaultPipelineRoot: "0o17"');
    expect(findPipelineProblems(readPipelinePackage(bytes(text)))).toEqual([]);
  });
});
