/**
 * Decides whether a PipelinePackage is a pipeline Skiff can run: first its shape (the
 * JSON types of every field the engine reads), then the rules that connect its parts.
 * Accepts anything — a package from readPipelinePackage, or an unchecked JSON body — and
 * never throws anything but SkiffError INVALID_ARGUMENT. Trigger conditions (CEL) are the
 * scheduler's to check.
 */
import { SkiffError } from '../../core/errors.js';
import { findComponentProblems } from './component-rules.js';
import { findConstantPlaceholderProblems } from './constant-placeholder-rules.js';
import { findDagProblems } from './dag-rules.js';
import { findIteratorProblems } from './iterator-rules.js';
import type { PipelinePackage } from './pipeline-spec.js';
import type { PipelineProblem } from './pipeline-problem.js';
import { findPlaceholderProblems } from './placeholder-rules.js';
import { findMissingInputProblems } from './required-input-rules.js';
import { findShapeProblems, findUnknownTopLevelFields } from './shape-rules.js';
import { findTaskInputProblems } from './task-input-rules.js';

export type { PipelineProblem } from './pipeline-problem.js';

/** Most problems reported at once; past this the author has enough to start on. */
const MAX_PROBLEMS = 100;

/** Every problem found, in a stable order (unknown top-level fields, then shape), at most MAX_PROBLEMS. */
export function findPipelineProblems(pkg: PipelinePackage): PipelineProblem[] {
  const problems = findUnknownTopLevelFields(pkg);
  const shape = findShapeProblems(pkg);
  if (shape.length > 0) return [...problems, ...shape].slice(0, MAX_PROBLEMS);
  const spec = pkg.pipelineSpec;
  const rules = [
    findComponentProblems,
    findDagProblems,
    findTaskInputProblems,
    findMissingInputProblems,
    findIteratorProblems,
    findPlaceholderProblems,
    findConstantPlaceholderProblems,
  ];
  for (const rule of rules) {
    problems.push(...rule(spec));
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems.slice(0, MAX_PROBLEMS);
}

/**
 * Throws the first problem as SkiffError INVALID_ARGUMENT (`details.path` says where,
 * `details.problems` lists them all).
 */
export function validatePipelineSpec(pkg: PipelinePackage): void {
  const problems = findPipelineProblems(pkg);
  const [first] = problems;
  if (first === undefined) return;
  const more =
    problems.length > 1
      ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
      : '';
  throw new SkiffError('INVALID_ARGUMENT', `${first.path}: ${first.message}${more}`, {
    path: first.path,
    problems,
  });
}
