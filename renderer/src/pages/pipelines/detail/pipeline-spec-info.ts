/**
 * What the pipeline page shows from a version's IR: the pipeline's inputs and, for a task
 * chosen in the graph, its component (image, command, args, inputs, outputs).
 */
import { unwrapSpec } from '../../../graph/spec-graph';

type Json = Record<string, unknown>;

export interface SpecInput {
  name: string;
  /** KFP's parameter type (`NUMBER_DOUBLE`) or artifact schema (`system.Dataset`). */
  type: string;
  /** The default as text, '' when there is none. */
  defaultText: string;
  optional: boolean;
  description: string;
}

export interface ComponentInfo {
  name: string;
  /** `container`, `importer`, `dag` (a sub-DAG) or `unknown` (no executor found). */
  kind: 'container' | 'importer' | 'dag' | 'unknown';
  image?: string;
  command: string[];
  args: string[];
  /** An importer's artifact URI, constant or runtime parameter. */
  artifactUri?: string;
  inputs: SpecInput[];
  outputs: SpecInput[];
}

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    : [];
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Parameters then artifacts of an `inputDefinitions` or `outputDefinitions`. */
export function definitions(defs: unknown): SpecInput[] {
  const params = Object.entries(obj(obj(defs)['parameters'])).map(([name, raw]) => {
    const p = obj(raw);
    return {
      name,
      type: text(p['parameterType']) || 'STRING',
      defaultText: text(p['defaultValue']),
      optional: p['isOptional'] === true || p['defaultValue'] !== undefined,
      description: text(p['description']),
    };
  });
  const artifacts = Object.entries(obj(obj(defs)['artifacts'])).map(([name, raw]) => {
    const a = obj(raw);
    const schema = text(obj(a['artifactType'])['schemaTitle']) || 'system.Artifact';
    return {
      name,
      type: a['isArtifactList'] === true ? `List[${schema}]` : schema,
      defaultText: '',
      optional: a['isOptional'] === true,
      description: text(a['description']),
    };
  });
  return [...params, ...artifacts];
}

export function pipelineInputs(spec: Json | undefined): SpecInput[] {
  if (!spec) return [];
  return definitions(obj(unwrapSpec(spec)['root'])['inputDefinitions']);
}

export function componentInfo(spec: Json, componentName: string): ComponentInfo {
  const ir = unwrapSpec(spec);
  const component = obj(obj(ir['components'])[componentName]);
  const info: ComponentInfo = {
    name: componentName,
    kind: 'unknown',
    command: [],
    args: [],
    inputs: definitions(component['inputDefinitions']),
    outputs: definitions(component['outputDefinitions']),
  };
  if (component['dag'] !== undefined) return { ...info, kind: 'dag' };
  const label = text(component['executorLabel']);
  const executor = obj(obj(obj(ir['deploymentSpec'])['executors'])[label]);
  const container = obj(executor['container']);
  if (executor['container'] !== undefined) {
    return {
      ...info,
      kind: 'container',
      image: text(container['image']),
      command: strings(container['command']),
      args: strings(container['args']),
    };
  }
  if (executor['importer'] !== undefined) {
    const uri = obj(obj(executor['importer'])['artifactUri']);
    const constant = uri['constant'];
    const runtime = text(uri['runtimeParameter']);
    return {
      ...info,
      kind: 'importer',
      artifactUri: constant !== undefined ? text(constant) : runtime ? `{{${runtime}}}` : '',
    };
  }
  return info;
}
