/**
 * The KFP IR corpus (third-party test data beside the checkout, never copied into the
 * project): `../shared/corpus/kfp-ir/valid` from the repository root, or $SKIFF_CORPUS_DIR.
 * Tests skip, saying why, when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPipelinePackage } from '../../ir/package-reader.js';
import type { PipelineSpec, PlatformSpec } from '../../ir/pipeline-spec.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

export const CORPUS_DIR =
  process.env.SKIFF_CORPUS_DIR ?? path.resolve(REPO_ROOT, '../shared/corpus/kfp-ir/valid');

export const corpusAvailable = existsSync(CORPUS_DIR);

/** Says once why corpus tests are skipped. */
export function explainCorpusSkip(): void {
  if (!corpusAvailable) {
    console.warn(
      `Skipping KFP corpus tests: ${CORPUS_DIR} is absent (set SKIFF_CORPUS_DIR to use another copy).`,
    );
  }
}

export function corpusPath(relative: string): string {
  return path.join(CORPUS_DIR, relative);
}

/** Document 1 of a corpus file, read as an upload is (ir/package-reader.ts). */
export function loadCorpusSpec(relative: string): PipelineSpec {
  return readPipelinePackage(readFileSync(corpusPath(relative)), relative).pipelineSpec;
}

/** Every `.yaml` file of the corpus, relative to its folder, sorted. */
export function listCorpusFiles(): string[] {
  if (!corpusAvailable) return [];
  const walk = (dir: string): string[] =>
    readdirSync(path.join(CORPUS_DIR, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(relative);
      return entry.name.endsWith('.yaml') ? [relative] : [];
    });
  return walk('').sort();
}

/** Document 2 of a corpus file (`platforms:`), if it has one. */
export function loadCorpusPlatformSpec(relative: string): PlatformSpec | undefined {
  return readPipelinePackage(readFileSync(corpusPath(relative)), relative).platformSpec;
}
