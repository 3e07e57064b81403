/**
 * Whatever arrives as a pipeline file, reading and validating it either succeeds or
 * throws SkiffError INVALID_ARGUMENT — never another error, never a hang. 10,000 cases:
 * arbitrary bytes (some behind archive magic numbers, some damaged real archives),
 * arbitrary strings, text mutations
 * of a real spec's YAML (some zipped or gzipped), and random or mutated JSON objects.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SkiffError } from '../../core/errors.js';
import { validatePipelineSpec } from './ir-validator.js';
import { readPipelinePackage, serializePipelinePackage } from './package-reader.js';
import type { PipelinePackage } from './pipeline-spec.js';
import { bytes, tarGzOf, tarOf, zipOf } from './testing/archives.js';
import { twoStepPipeline } from './testing/two-step-pipeline.js';

/** 10,000 cases in all; text mutations cost most (a YAML parse each), so they get fewer. */
const RUNS = { bytes: 3000, strings: 3000, mutations: 1500, json: 2500 };
const MAX_CASE_MS = 3000;

/** Reads and validates; fails the property on any other error or a slow case. */
function survives(read: () => PipelinePackage): void {
  const started = performance.now();
  try {
    validatePipelineSpec(read());
  } catch (error) {
    if (!(error instanceof SkiffError) || error.code !== 'INVALID_ARGUMENT') throw error;
  }
  const took = performance.now() - started;
  if (took > MAX_CASE_MS) throw new Error(`one case took ${Math.round(took)} ms`);
}

const MAGIC_NUMBERS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x1f, 0x8b, 0x08, 0x00],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xfe],
  [0xef, 0xbb, 0xbf],
  [],
];
const YAML_CHARS = ['{', '}', '[', ']', ':', '-', '?', ',', '&', '*', '!', '|', '>', "'", '"', '#'];
YAML_CHARS.push('%', '@', '`', '\t', '\\', ' ', '  ', '\n', '\n', 'a', 'b', '0', '1', '.', '~');
const yamlishText = fc.string({ unit: fc.constantFrom(...YAML_CHARS), maxLength: 300 });

const platformPackage: PipelinePackage = {
  ...twoStepPipeline(),
  platformSpec: {
    platforms: { kubernetes: { deploymentSpec: { executors: { 'exec-produce': {} } } } },
  },
};
const SPEC_TEXT = serializePipelinePackage(platformPackage);
const SPEC_LINES = SPEC_TEXT.split('\n');

/** One edit of the spec's text: cut, insert, repeat or swap lines, or shift indentation. */
const textEdit = fc.oneof(
  fc.record({
    kind: fc.constant('cut' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: yamlishText }),
  fc.record({ kind: fc.constant('repeat' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({
    kind: fc.constant('indent' as const),
    line: fc.nat(),
    by: fc.integer({ min: -4, max: 4 }),
  }),
);
type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(lines: string[], edit: TextEdit): string[] {
  const line = (index: number): number => index % Math.max(lines.length, 1);
  const text = lines.join('\n');
  switch (edit.kind) {
    case 'cut': {
      const at = edit.at % (text.length + 1);
      return (text.slice(0, at) + text.slice(at + edit.length)).split('\n');
    }
    case 'insert': {
      const at = edit.at % (text.length + 1);
      return (text.slice(0, at) + edit.text + text.slice(at)).split('\n');
    }
    case 'repeat':
      return lines.flatMap((value, index) =>
        index === line(edit.line) ? [value, value] : [value],
      );
    case 'swap': {
      const copy = [...lines];
      const [a, b] = [line(edit.line), line(edit.other)];
      [copy[a], copy[b]] = [copy[b] ?? '', copy[a] ?? ''];
      return copy;
    }
    case 'indent':
      return lines.map((value, index) =>
        index !== line(edit.line)
          ? value
          : edit.by > 0
            ? ' '.repeat(edit.by) + value
            : value.slice(-edit.by),
      );
  }
}

/** Every path into the fixture, to replace or delete what one of them points at. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [
    path,
    ...keys.flatMap((key) =>
      pathsOf((value as Record<string | number, unknown>)[key], [...path, key]),
    ),
  ];
}
const FIXTURE_PATHS = pathsOf(platformPackage).filter((path) => path.length > 0);
const NAMES_IN_SPEC = [
  'produce',
  'consume',
  'comp-produce',
  'exec-consume',
  'count',
  'data',
  'text',
  'toString',
  '__proto__',
];
const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(...NAMES_IN_SPEC),
  fc.constant(undefined),
);

function replaced(path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(platformPackage) as unknown as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path.at(-1) ?? '';
  if (value === undefined) Reflect.deleteProperty(at, last);
  else at[last] = value;
  return copy;
}

/** Real archives of the spec, to damage byte by byte. */
const ARCHIVES = [
  zipOf({ 'p.yaml': SPEC_TEXT, 'notes.md': 'x' }),
  zipOf({ 'p.yaml': SPEC_TEXT }, 0),
  await tarOf({ 'p.yaml': SPEC_TEXT }),
  await tarGzOf({ 'p.yaml': SPEC_TEXT }),
  gzipSync(SPEC_TEXT),
];
const damagedArchive = fc
  .tuple(
    fc.constantFrom(...ARCHIVES),
    fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 8 }),
  )
  .map(([archive, flips]) => {
    const copy = new Uint8Array(archive);
    for (const [at, value] of flips) copy[at % copy.length] = value;
    return copy;
  });

describe('reading and validating any input', { timeout: 20_000 }, () => {
  it('throws only SkiffError for arbitrary bytes', () => {
    const data = fc
      .tuple(fc.constantFrom(...MAGIC_NUMBERS), fc.uint8Array({ maxLength: 2048 }))
      .map(([magic, rest]) => new Uint8Array([...magic, ...rest]));
    fc.assert(
      fc.property(fc.oneof(data, damagedArchive), (input) =>
        survives(() => readPipelinePackage(input)),
      ),
      { numRuns: RUNS.bytes },
    );
  });

  it('throws only SkiffError for arbitrary strings', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 500 }), yamlishText);
    fc.assert(
      fc.property(text, (input) => survives(() => readPipelinePackage(bytes(input)))),
      {
        numRuns: RUNS.strings,
      },
    );
  });

  it('throws only SkiffError for mutations of a real spec’s YAML, plain or archived', () => {
    const wrapping = fc.constantFrom('plain', 'zip', 'gzip');
    fc.assert(
      fc.property(fc.array(textEdit, { minLength: 1, maxLength: 5 }), wrapping, (edits, wrap) => {
        const text = edits.reduce(applyEdit, SPEC_LINES).join('\n');
        const data =
          wrap === 'zip'
            ? zipOf({ 'p.yaml': text })
            : wrap === 'gzip'
              ? gzipSync(text)
              : bytes(text);
        survives(() => readPipelinePackage(data, 'p.yaml'));
      }),
      { numRuns: RUNS.mutations },
    );
  });

  it('throws only SkiffError for random JSON and for the spec with any field replaced', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...FIXTURE_PATHS), replacement)
      .map(([path, value]) => replaced(path, value));
    const json = fc.oneof(fc.jsonValue({ maxDepth: 6 }), mutated);
    fc.assert(
      fc.property(json, fc.boolean(), (value, asFile) => {
        if (!asFile) return survives(() => value as PipelinePackage);
        const pkg = value as Partial<PipelinePackage> | null;
        const body = pkg?.pipelineSpec
          ? { pipeline_spec: pkg.pipelineSpec, platform_spec: pkg.platformSpec }
          : value;
        survives(() => readPipelinePackage(bytes(JSON.stringify(body)), 'p.json'));
      }),
      { numRuns: RUNS.json },
    );
  });

  it('still finds the unmutated spec valid', () => {
    expect(() => validatePipelineSpec(readPipelinePackage(bytes(SPEC_TEXT)))).not.toThrow();
  });
});
