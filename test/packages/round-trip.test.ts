/**
 * Export round trip over the KFP corpus: every importable pipeline under kfp-ir/valid/,
 * exported as IR YAML or zip and imported again, is the same pipeline after
 * normalization, and exporting it twice gives the same bytes.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exportPackageYaml,
  exportPackageYamlBytes,
} from '../../engine/src/packages/export-yaml.js';
import { exportPackageZip } from '../../engine/src/packages/export-zip.js';
import { importPackage } from '../../engine/src/packages/import-package.js';
import { normalizePackage } from '../../engine/src/packages/normalize-package.js';
import { IMPORT_EXCLUSIONS } from '../conformance/import-exclusions.js';
import { corpusAvailable, corpusFiles, KFP_IR_VALID } from '../support/corpus.js';

const available = corpusAvailable();
const importable = available
  ? corpusFiles().filter((file) => !(file in IMPORT_EXCLUSIONS) && !file.endsWith('.zip'))
  : [];

function readCorpus(file: string) {
  return importPackage(readFileSync(join(KFP_IR_VALID, file)), basename(file));
}

describe.skipIf(!available)('export round trip: kfp-ir corpus', () => {
  it('finds the importable corpus pipelines, some with a platform spec', () => {
    expect(importable.length).toBeGreaterThan(50);
    const withPlatform = importable.filter((file) => readCorpus(file).platformSpec !== undefined);
    expect(withPlatform.length).toBeGreaterThan(0);
  });

  it.each(importable)('%s: YAML export re-imports as the same pipeline', (file) => {
    const pkg = readCorpus(file);
    const exported = exportPackageYaml(pkg);
    const again = importPackage(new TextEncoder().encode(exported), basename(file));
    expect(normalizePackage(again)).toEqual(normalizePackage(pkg));
    expect(exported.split(/^---\n/m)).toHaveLength(pkg.platformSpec ? 2 : 1);
    // Byte-stable: the export of the re-import is the export itself.
    expect(exportPackageYaml(again)).toBe(exported);
  });

  it.each(importable)('%s: zip export re-imports as the same pipeline', (file) => {
    const pkg = readCorpus(file);
    const zip = exportPackageZip(pkg);
    const again = importPackage(zip, `${basename(file)}.zip`);
    expect(normalizePackage(again)).toEqual(normalizePackage(pkg));
    expect(exportPackageZip(again)).toEqual(zip);
    expect(exportPackageYamlBytes(again)).toEqual(exportPackageYamlBytes(pkg));
  });
});
