import { expect } from 'vitest';
import type { PipelineSpec } from '../../ir/pipeline-spec.js';
import { compile } from '../compile.js';
import type { Pipeline, PipelineInputDecls } from '../pipeline.js';
import type { OutputRefs } from '../signature.js';
import { irValidationProblems } from './ir-validation.js';

/** For tests: compiles the pipeline and expects Skiff's IR validator to accept it. */
export function compileChecked<I extends PipelineInputDecls, O extends OutputRefs>(
  pipeline: Pipeline<I, O>,
): PipelineSpec {
  const spec = compile(pipeline);
  expect(irValidationProblems(spec)).toEqual([]);
  return spec;
}
