import { SkiffError } from '../../../core/errors.js';
import { validatePipelineSpec } from '../../ir/ir-validator.js';
import type { PipelineSpec } from '../../ir/pipeline-spec.js';

/** For tests: what Skiff's IR validator finds wrong with a compiled spec (empty when nothing). */
export function irValidationProblems(spec: PipelineSpec): string[] {
  try {
    validatePipelineSpec({ pipelineSpec: spec });
    return [];
  } catch (error) {
    if (!(error instanceof SkiffError)) throw error;
    const problems = error.details.problems;
    return Array.isArray(problems)
      ? problems.map((problem) => JSON.stringify(problem))
      : [error.message];
  }
}
