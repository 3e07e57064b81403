import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPipelinePackage, serializePipelinePackage } from './package-reader.js';
import { tarGzOf, tarOf, zipOf } from './testing/archives.js';
import { readRejection as rejection } from './testing/read-rejection.js';
import { twoStepPipeline } from './testing/two-step-pipeline.js';

const SPEC_YAML = serializePipelinePackage(twoStepPipeline());

describe('pipeline archives: reading', () => {
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
});

describe('pipeline archives: refusing', () => {
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
    expect(rejection(zip.subarray(0, zip.length - 30), 'cut.zip').message).toBe(
      'The zip archive "cut.zip" is corrupt or unsupported: its end-of-central-directory record is missing, so it is truncated or not a zip.',
    );
    const damaged = zip.slice();
    damaged[60] = (damaged[60] ?? 0) ^ 0xff;
    expect(rejection(damaged, 'd.zip').message).toMatch(
      /zip archive "d\.zip" is corrupt.*"p\.yaml"/,
    );
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
