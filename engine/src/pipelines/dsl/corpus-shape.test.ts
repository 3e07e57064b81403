import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { PipelineSpec } from '../ir/pipeline-spec.js';
import { compile } from './compile.js';
import { corpusMirrors } from './testing/corpus-pipelines.js';
import { irValidationProblems } from './testing/ir-validation.js';

/**
 * Golden-ish: pipelines written with the DSL to mirror files `kfp.compiler` produced (the
 * KFP repo's test corpus) must compile to the same structure: components, sub-DAGs, task
 * wiring, conditions and iterators. Only executors' contents (the corpus runs lightweight
 * Python, these run plain containers) and the SDK version differ.
 */
const corpus = fileURLToPath(
  new URL('../../../../../shared/corpus/kfp-ir/valid/', import.meta.url),
);
const available = existsSync(corpus);
if (!available) console.warn(`Skipping KFP corpus comparisons: ${corpus} is not present.`);

function structure(spec: PipelineSpec): unknown {
  const { deploymentSpec, ...rest } = spec;
  delete rest.sdkVersion;
  return { ...rest, executors: Object.keys(deploymentSpec?.executors ?? {}).sort() };
}

function corpusSpec(file: string): PipelineSpec {
  const [document] = parseAllDocuments(readFileSync(`${corpus}${file}`, 'utf8'));
  return document?.toJS() as PipelineSpec;
}

describe.skipIf(!available)('DSL pipelines compile like the KFP corpus', () => {
  it.each(Object.entries(corpusMirrors))('%s', (file, build) => {
    const spec = compile(build());
    expect(structure(spec)).toEqual(structure(corpusSpec(file)));
    expect(irValidationProblems(spec)).toEqual([]);
  });
});
