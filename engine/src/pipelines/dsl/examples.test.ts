import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import sklearnIris from '../../../../examples/sklearn-iris/pipeline.js';
import type { PipelineSpec } from '../ir/pipeline-spec.js';
import { compile, toYaml } from './compile.js';
import { irValidationProblems } from './testing/ir-validation.js';

/**
 * The compiled examples are committed next to their source and must never drift:
 * regenerate with `SKIFF_UPDATE_EXAMPLES=1 npx vitest run engine/src/pipelines/dsl/examples.test.ts`.
 */
const examples = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const update = process.env.SKIFF_UPDATE_EXAMPLES === '1';

describe('examples/sklearn-iris', () => {
  const yamlPath = `${examples}sklearn-iris/pipeline.yaml`;

  it('pipeline.yaml is the compiled pipeline.ts', () => {
    const fresh = toYaml(sklearnIris);
    if (update) writeFileSync(yamlPath, fresh);
    const committed = existsSync(yamlPath) ? readFileSync(yamlPath, 'utf8') : '';
    expect(committed, 'pipeline.yaml is stale: regenerate it (see examples/README.md)').toBe(fresh);
  });

  it('passes the IR validator', () => {
    expect(irValidationProblems(compile(sklearnIris))).toEqual([]);
  });

  it('has the same graph as the KFP SDK version in sklearn-iris-python', () => {
    const graph = (spec: PipelineSpec) => ({
      ...spec,
      deploymentSpec: undefined,
      sdkVersion: undefined,
    });
    expect(graph(parse(readFileSync(yamlPath, 'utf8')) as PipelineSpec)).toEqual(
      graph(pythonSpec()),
    );
  });
});

describe('examples/sklearn-iris-python', () => {
  it('pipeline.yaml (compiled by kfp.compiler) passes the IR validator', () => {
    expect(irValidationProblems(pythonSpec())).toEqual([]);
  });
});

function pythonSpec(): PipelineSpec {
  const text = readFileSync(`${examples}sklearn-iris-python/pipeline.yaml`, 'utf8');
  const [document] = parseAllDocuments(text);
  return document?.toJS() as PipelineSpec;
}
