/**
 * The placeholder grammar of KFP container `command`/`args` (and importer metadata): the
 * `{{$…}}` forms inside a string, and the JSON `{"Concat": …}` / `{"IfPresent": …}`
 * structures that stand for a whole argument. Parsing only; the validator checks the
 * names against a component, the scheduler resolves them against an ExecutorInput.
 */
export const RUN_VALUE_NAMES = [
  'pipeline_job_name',
  'pipeline_job_resource_name',
  'pipeline_job_uuid',
  'pipeline_job_create_time_utc',
  'pipeline_job_schedule_time_utc',
  'pipeline_task_name',
  'pipeline_task_uuid',
  'pipeline_root',
  'workspace_path',
] as const;

/** A value of the run or task itself, e.g. `{{$.pipeline_job_name}}`. */
export type RunValueName = (typeof RUN_VALUE_NAMES)[number];

/**
 * What an artifact placeholder asks for: `.uri`, `.path` (the local file), `.metadata`
 * (as JSON, or one key with `.metadata['k']`), or `list` — no field at all, which the
 * SDK writes for a list of artifacts and which resolves to the whole list as JSON.
 */
export type ArtifactField = 'uri' | 'path' | 'metadata' | 'list';

/**
 * One piece of a parsed string. Every part carries `text`, its exact source, so joining
 * the `text` of all parts gives back the original string.
 */
export type PlaceholderPart =
  | { kind: 'literal'; text: string }
  /** `{{$}}`: the whole ExecutorInput as JSON. */
  | { kind: 'executorInput'; text: string }
  | { kind: 'inputParameter'; text: string; name: string }
  | {
      kind: 'inputArtifact';
      text: string;
      name: string;
      field: ArtifactField;
      metadataKey?: string;
    }
  | {
      kind: 'outputArtifact';
      text: string;
      name: string;
      field: ArtifactField;
      metadataKey?: string;
    }
  /** `{{$.outputs.parameters['x'].output_file}}`: where the container writes output `x`. */
  | { kind: 'outputParameterFile'; text: string; name: string }
  /** `{{$.outputs.output_file}}` or its alias `{{$.outputMetadataUri}}`: the ExecutorOutput file. */
  | { kind: 'outputMetadataFile'; text: string }
  | { kind: 'runValue'; text: string; name: RunValueName }
  /** Something written as `{{$…}}` that is none of the forms above. */
  | { kind: 'unknown'; text: string };

export type PlaceholderKind = PlaceholderPart['kind'];

const NAME = String.raw`\['([^'\]]+)'\]`;
const ARTIFACT = new RegExp(
  String.raw`^\.(inputs|outputs)\.artifacts${NAME}(?:\.(uri|path|metadata)(?:${NAME})?)?$`,
);
const INPUT_PARAMETER = new RegExp(String.raw`^\.inputs\.parameters${NAME}$`);
const OUTPUT_PARAMETER_FILE = new RegExp(String.raw`^\.outputs\.parameters${NAME}\.output_file$`);
const RUN_VALUE = /^\.([a-z_]+)$/;

/**
 * Splits `text` into literal text and `{{$…}}` placeholders, left to right. A `{{$` with
 * no closing `}}` is literal text, as KFP treats it.
 */
export function parsePlaceholders(text: string): PlaceholderPart[] {
  const parts: PlaceholderPart[] = [];
  let literalStart = 0;
  let at = text.indexOf('{{$');
  while (at !== -1) {
    const end = text.indexOf('}}', at + 3);
    if (end === -1) break;
    if (at > literalStart) parts.push({ kind: 'literal', text: text.slice(literalStart, at) });
    parts.push(classify(text.slice(at, end + 2)));
    literalStart = end + 2;
    at = text.indexOf('{{$', literalStart);
  }
  if (literalStart < text.length) parts.push({ kind: 'literal', text: text.slice(literalStart) });
  return parts;
}

/** True when `text` holds at least one `{{$…}}` placeholder. */
export function hasPlaceholders(text: string): boolean {
  return parsePlaceholders(text).some((part) => part.kind !== 'literal');
}

function classify(text: string): PlaceholderPart {
  const body = text.slice(3, -2);
  if (body === '') return { kind: 'executorInput', text };
  if (body === '.outputs.output_file' || body === '.outputMetadataUri') {
    return { kind: 'outputMetadataFile', text };
  }
  const parameter = INPUT_PARAMETER.exec(body);
  if (parameter?.[1] !== undefined) return { kind: 'inputParameter', text, name: parameter[1] };
  const outputFile = OUTPUT_PARAMETER_FILE.exec(body);
  if (outputFile?.[1] !== undefined)
    return { kind: 'outputParameterFile', text, name: outputFile[1] };
  const artifact = ARTIFACT.exec(body);
  if (artifact?.[2] !== undefined) {
    const [, direction, name, field, metadataKey] = artifact;
    if (metadataKey !== undefined && field !== 'metadata') return { kind: 'unknown', text };
    const part = {
      kind: direction === 'inputs' ? ('inputArtifact' as const) : ('outputArtifact' as const),
      text,
      name,
      field: (field ?? 'list') as ArtifactField,
    };
    return metadataKey === undefined ? part : { ...part, metadataKey };
  }
  const runValue = RUN_VALUE.exec(body)?.[1];
  if (runValue !== undefined && isRunValueName(runValue))
    return { kind: 'runValue', text, name: runValue };
  return { kind: 'unknown', text };
}

function isRunValueName(name: string): name is RunValueName {
  return (RUN_VALUE_NAMES as readonly string[]).includes(name);
}

export { parseStructuredPlaceholder } from './structured-placeholder.js';
export type {
  CommandLineElement,
  ConcatPlaceholder,
  IfPresentPlaceholder,
  StructuredPlaceholder,
} from './structured-placeholder.js';
