/**
 * Which values and which upstream types a declared input type accepts, as KFP's type
 * checker sees it: a type accepts itself, NUMBER_DOUBLE also takes NUMBER_INTEGER, and
 * nothing else converts (KFP does not turn numbers into STRING for you). An artifact
 * type accepts the same schemaTitle, and `system.Artifact` on either side accepts any.
 */
import type { ArtifactSpec, ParameterType, ProtoValue } from './pipeline-spec.js';
import { hasPlaceholders } from './placeholder-syntax.js';

/** Types whose values the engine can check; the others (status, config, unspecified) pass. */
const CHECKED: ReadonlySet<ParameterType> = new Set([
  'STRING',
  'NUMBER_INTEGER',
  'NUMBER_DOUBLE',
  'BOOLEAN',
  'LIST',
  'STRUCT',
]);

export function parameterTypeAccepts(declared: ParameterType, given: ParameterType): boolean {
  if (declared === given || !CHECKED.has(declared) || !CHECKED.has(given)) return true;
  return declared === 'NUMBER_DOUBLE' && given === 'NUMBER_INTEGER';
}

/**
 * Why `value` cannot be a constant of `type`, or undefined when it can. Null and strings
 * holding placeholders (resolved at run time) are accepted for any type.
 */
export function constantProblem(type: ParameterType, value: ProtoValue): string | undefined {
  if (!CHECKED.has(type) || value === null) return undefined;
  if (typeof value === 'string' && hasPlaceholders(value)) return undefined;
  const problem = `${describe(value)} is not a ${type} value`;
  switch (type) {
    case 'STRING':
      return typeof value === 'string' ? undefined : problem;
    case 'NUMBER_INTEGER':
      if (typeof value !== 'number' || !Number.isInteger(value)) return problem;
      return Number.isSafeInteger(value)
        ? undefined
        : `${value} is too large for NUMBER_INTEGER (beyond ±2^53)`;
    case 'NUMBER_DOUBLE':
      return typeof value === 'number' ? undefined : problem;
    case 'BOOLEAN':
      return typeof value === 'boolean' ? undefined : problem;
    case 'LIST':
      return Array.isArray(value) ? undefined : problem;
    case 'STRUCT':
      return typeof value === 'object' && !Array.isArray(value) ? undefined : problem;
    default:
      return undefined;
  }
}

export function artifactTypeAccepts(declared: ArtifactSpec, given: ArtifactSpec): boolean {
  const want = declared.artifactType.schemaTitle;
  const have = given.artifactType.schemaTitle;
  if (want === undefined || have === undefined || want === have) return true;
  return want === 'system.Artifact' || have === 'system.Artifact';
}

export function describe(value: ProtoValue): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return String(value);
}
