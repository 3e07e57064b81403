import { Document, isPair, isScalar, visit } from 'yaml';
import type { PipelineSpec, ProtoValue } from '../ir/pipeline-spec.js';
import { pythonRepr } from './python-json.js';

/**
 * A PipelineSpec as a pipeline file, as `kfp.compiler` writes one: the
 * `# PIPELINE DEFINITION` header, keys sorted, two-space indent, and numbers that are
 * protobuf doubles written as `2.0`.
 */
export function pipelineSpecToYaml(spec: PipelineSpec): string {
  const document = new Document(sortKeys(spec as unknown as ProtoValue));
  visit(document, {
    Scalar(_key, node, path) {
      if (typeof node.value !== 'number') return;
      const pair = path.at(-1);
      const key = isPair(pair) && isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key === 'string' && INTEGER_FIELDS.has(key)) return;
      node.minFractionDigits = 1;
    },
  });
  // Laid out as Prettier would, so committed pipeline files pass `prettier --check`.
  const body = document.toString({ singleQuote: true, lineWidth: 0 });
  return header(spec) + body;
}

/** The few IR fields that are protobuf integers; every other number is a double. */
const INTEGER_FIELDS = new Set(['maxRetryCount', 'parallelismLimit']);

const COMMENT_TYPES: Record<string, string> = {
  STRING: 'str',
  NUMBER_INTEGER: 'int',
  NUMBER_DOUBLE: 'float',
  BOOLEAN: 'bool',
  LIST: 'list',
  STRUCT: 'dict',
  TASK_FINAL_STATUS: 'PipelineTaskFinalStatus',
};

/** KFP's `extract_comments_from_pipeline_spec`. */
function header(spec: PipelineSpec): string {
  const lines = ['# PIPELINE DEFINITION', `# Name: ${spec.pipelineInfo.name}`];
  const description = spec.pipelineInfo.description;
  if (description !== undefined && description !== '') {
    lines.push(`# Description: ${description.split('\n').join('\n#              ')}`);
  }
  for (const [heading, definitions] of [
    ['# Inputs:', spec.root.inputDefinitions],
    ['# Outputs:', spec.root.outputDefinitions],
  ] as const) {
    if (definitions === undefined) continue;
    lines.push(heading);
    const entries: [string, string][] = [];
    for (const [name, parameter] of Object.entries(definitions.parameters ?? {})) {
      const type = COMMENT_TYPES[parameter.parameterType] ?? parameter.parameterType;
      const value = parameter.defaultValue;
      const suffix =
        value === undefined
          ? ''
          : ` [Default: ${typeof value === 'string' ? `'${value}'` : pythonRepr(value)}]`;
      entries.push([name, `#    ${name}: ${type}${suffix}`]);
    }
    for (const [name, artifact] of Object.entries(definitions.artifacts ?? {})) {
      entries.push([name, `#    ${name}: ${artifact.artifactType.schemaTitle ?? ''}`]);
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    lines.push(...entries.map(([, line]) => line));
  }
  return `${lines.join('\n')}\n`;
}

function sortKeys(value: ProtoValue): ProtoValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, ProtoValue> = {};
  for (const key of Object.keys(value).sort()) {
    const item = value[key];
    if (item !== undefined) sorted[key] = sortKeys(item);
  }
  return sorted;
}
