/**
 * Import conformance against the KFP corpus: every compiled pipeline under
 * kfp-ir/valid/ reads, validates without a problem and survives a write/read round trip
 * (except the few in import-exclusions.ts); every upload under kfp-ir/invalid/ is refused
 * with INVALID_ARGUMENT and a message naming what is wrong.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SkiffError } from '../../engine/src/core/errors.js';
import {
  findPipelineProblems,
  validatePipelineSpec,
} from '../../engine/src/pipelines/ir/ir-validator.js';
import {
  readPipelinePackage,
  serializePipelinePackage,
} from '../../engine/src/pipelines/ir/package-reader.js';
import { corpusFiles, corpusFolder } from './corpus.js';
import { IMPORT_EXCLUSIONS } from './import-exclusions.js';

const PIPELINE_FILES = ['.yaml', '.yml', '.json', '.zip', '.tar.gz', '.tgz'];

/** What each invalid upload's message must say. */
const INVALID_MESSAGES: Record<string, RegExp> = {
  'empty_file.yaml': /"empty_file\.yaml" is empty: it holds no YAML document/,
  // Despite their names, these two hold only the compiler's comment header.
  'empty_zip.zip': /"empty_zip\.zip" is empty/,
  'wrong_format.png': /"wrong_format\.png" is empty/,
  'invalid_yaml.yaml': /^components_1: unknown top-level field; did you mean "components"\?/,
  'invalid-zip.zip': /^components_1: unknown top-level field; did you mean "components"\?/,
  'no_name.yaml': /^pipelineInfo\.name: must be a string, not null; give the pipeline a name/,
};

const kfpIr = corpusFolder('kfp-ir', 'Import conformance');
const validDir = kfpIr && join(kfpIr, 'valid');
const invalidDir = kfpIr && join(kfpIr, 'invalid');
const valid = validDir ? corpusFiles(validDir, PIPELINE_FILES) : [];
const invalid = invalidDir ? corpusFiles(invalidDir, PIPELINE_FILES.concat('.png')) : [];
const tally = { passed: 0, excluded: 0 };

function read(dir: string, file: string) {
  return readPipelinePackage(readFileSync(join(dir, file)), basename(file));
}

describe.skipIf(!kfpIr)('import conformance: kfp-ir corpus', () => {
  afterAll(() => {
    console.log(`import conformance: ${tally.passed} passed, ${tally.excluded} excluded`);
  });

  it('finds the corpus files', () => {
    expect(valid.length).toBeGreaterThan(50);
    expect(invalid.length).toBeGreaterThan(0);
  });

  describe('valid pipelines', () => {
    it.each(valid.filter((file) => !(file in IMPORT_EXCLUSIONS)))('%s imports cleanly', (file) => {
      const pkg = read(validDir ?? '', file);
      expect(findPipelineProblems(pkg)).toEqual([]);
      const again = readPipelinePackage(
        new TextEncoder().encode(serializePipelinePackage(pkg)),
        file,
      );
      expect(again).toEqual(pkg);
      tally.passed++;
    });

    it.each(Object.entries(IMPORT_EXCLUSIONS))('%s is excluded (%s) and still fails', (file) => {
      expect(valid, 'the excluded file is no longer in the corpus').toContain(file);
      expect(() => validatePipelineSpec(read(validDir ?? '', file))).toThrow(SkiffError);
      tally.excluded++;
    });
  });

  describe('invalid uploads', () => {
    it.each(invalid)('%s is refused with a message naming the problem', (file) => {
      const expected = INVALID_MESSAGES[basename(file)];
      expect(expected, `add the expected message for ${file} to INVALID_MESSAGES`).toBeDefined();
      let refusal: unknown;
      try {
        validatePipelineSpec(read(invalidDir ?? '', file));
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(SkiffError);
      expect((refusal as SkiffError).code).toBe('INVALID_ARGUMENT');
      expect((refusal as SkiffError).message).toMatch(expected ?? /./);
    });
  });
});
