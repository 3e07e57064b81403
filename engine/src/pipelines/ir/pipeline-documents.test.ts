import { describe, expect, it } from 'vitest';
import { readPipelinePackage, serializePipelinePackage } from './package-reader.js';
import { bytes } from './testing/archives.js';
import { readRejection as rejection } from './testing/read-rejection.js';
import { twoStepPipeline } from './testing/two-step-pipeline.js';

const SPEC_YAML = serializePipelinePackage(twoStepPipeline());

describe('pipeline documents: reading', () => {
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

describe('pipeline documents: refusing', () => {
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
});
