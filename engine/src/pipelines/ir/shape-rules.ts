/**
 * Shape rules: which fields of a package have the wrong JSON type (from the zod schema),
 * phrased for the pipeline's author, and which top-level PipelineSpec keys are unknown.
 * The other rules run only on a package whose shape is right.
 */
import type * as z from 'zod';
import { pathOf, quotedList, type PipelineProblem } from './pipeline-problem.js';
import { PIPELINE_SPEC_FIELDS, pipelinePackageSchema } from './pipeline-spec-schema.js';

const HINTS: Record<string, string> = {
  'pipelineSpec.pipelineInfo.name': 'give the pipeline a name (@dsl.pipeline(name=...))',
  'pipelineSpec.root': 'the pipeline needs a root component with a dag',
};

/**
 * Fields with the wrong JSON type, or missing though required. Paths are relative to the
 * PipelineSpec (`platformSpec.…` for the platform document).
 */
export function findShapeProblems(pkg: unknown): PipelineProblem[] {
  const result = pipelinePackageSchema.safeParse(pkg, { reportInput: true });
  return result.success ? [] : result.error.issues.map(toProblem);
}

/** Top-level PipelineSpec keys the proto does not have: nearly always a typo. */
export function findUnknownTopLevelFields(pkg: unknown): PipelineProblem[] {
  const spec: unknown =
    typeof pkg === 'object' && pkg !== null ? Reflect.get(pkg, 'pipelineSpec') : undefined;
  if (typeof spec !== 'object' || spec === null) return [];
  return Object.keys(spec)
    .filter((key) => !PIPELINE_SPEC_FIELDS.includes(key))
    .slice(0, 10)
    .map(unknownTopLevelKey);
}

function toProblem(issue: z.core.$ZodIssue): PipelineProblem {
  const segments = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  const full = pathOf(...segments);
  const path =
    full === ''
      ? 'package'
      : full.startsWith('pipelineSpec.')
        ? full.slice('pipelineSpec.'.length)
        : full;
  const hint = HINTS[full];
  return { path, message: hint ? `${describeIssue(issue)}; ${hint}` : describeIssue(issue) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    return `must be ${article(issue.expected)}, not ${describe(issue.input)}`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map(String).join(', ')}, not ${describe(issue.input)}`;
  }
  if (issue.code === 'invalid_union')
    return `must be a number or a string, not ${describe(issue.input)}`;
  return issue.message;
}

function unknownTopLevelKey(key: string): PipelineProblem {
  const guess = PIPELINE_SPEC_FIELDS.find(
    (known) => editDistance(known.toLowerCase(), key.toLowerCase()) <= 3,
  );
  const fix = guess
    ? `did you mean "${guess}"?`
    : `a PipelineSpec has only ${quotedList(PIPELINE_SPEC_FIELDS)}`;
  return { path: key, message: `unknown top-level field; ${fix}` };
}

function article(expected: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    record: 'a mapping',
    array: 'a list',
    int: 'an integer',
  };
  return names[expected] ?? `a ${expected}`;
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string')
    return `the string "${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  if (typeof input === 'number' || typeof input === 'boolean') return `${typeof input} ${input}`;
  return typeof input;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
