/**
 * Where a task's files live and the ExecutorInput JSON it receives, exactly as KFP's
 * (`{{$}}`). Layout: `<pipelineRoot>/<task path>/<taskId>/` holds one entry per output
 * artifact, `parameters/<name>` output files and `executor_output.json`.
 */
import path from 'node:path';
import type { ArtifactTypeSchema, ComponentSpec, ProtoValue } from '../ir/pipeline-spec.js';
import type { ArtifactRef, TaskIo } from './run-model.js';

export interface TaskLayout {
  taskRoot: string;
  parametersDir: string;
  executorOutputFile: string;
  artifactUri(outputName: string): string;
  parameterFile(outputName: string): string;
}

export interface RuntimeArtifact {
  name: string;
  type: ArtifactTypeSchema;
  uri: string;
  metadata: Record<string, ProtoValue>;
}

export interface ExecutorInput {
  inputs: {
    parameterValues: Record<string, ProtoValue>;
    artifacts: Record<string, { artifacts: RuntimeArtifact[] }>;
  };
  outputs: {
    parameters: Record<string, { outputFile: string }>;
    artifacts: Record<string, { artifacts: RuntimeArtifact[] }>;
    outputFile: string;
  };
}

export function taskLayout(
  pipelineRoot: string,
  taskPath: readonly string[],
  taskId: string,
): TaskLayout {
  const taskRoot = path.join(pipelineRoot, ...taskPath.map(safeSegment), safeSegment(taskId));
  const parametersDir = path.join(taskRoot, 'parameters');
  return {
    taskRoot,
    parametersDir,
    executorOutputFile: path.join(taskRoot, 'executor_output.json'),
    artifactUri: (name) => path.join(taskRoot, safeSegment(name)),
    parameterFile: (name) => path.join(parametersDir, safeSegment(name)),
  };
}

/** The output artifacts a task will produce, before it runs (ids, names, URIs). */
export function plannedOutputArtifacts(
  component: ComponentSpec,
  layout: TaskLayout,
  newId: () => string,
): Record<string, ArtifactRef> {
  const planned: Record<string, ArtifactRef> = {};
  for (const [name, spec] of Object.entries(component.outputDefinitions?.artifacts ?? {})) {
    planned[name] = {
      artifactId: newId(),
      name,
      type: spec.artifactType,
      uri: layout.artifactUri(name),
      metadata: { ...(spec.metadata ?? {}) },
    };
  }
  return planned;
}

export function buildExecutorInput(
  component: ComponentSpec,
  inputs: TaskIo,
  outputArtifacts: Record<string, ArtifactRef>,
  layout: TaskLayout,
): ExecutorInput {
  const parameters: ExecutorInput['outputs']['parameters'] = {};
  for (const name of Object.keys(component.outputDefinitions?.parameters ?? {})) {
    parameters[name] = { outputFile: layout.parameterFile(name) };
  }
  return {
    inputs: {
      parameterValues: { ...inputs.parameters },
      artifacts: mapValues(inputs.artifacts, (list) => ({ artifacts: list.map(runtimeArtifact) })),
    },
    outputs: {
      parameters,
      artifacts: mapValues(outputArtifacts, (artifact) => ({
        artifacts: [runtimeArtifact(artifact)],
      })),
      outputFile: layout.executorOutputFile,
    },
  };
}

export function runtimeArtifact(artifact: ArtifactRef): RuntimeArtifact {
  return {
    name: artifact.name,
    type: artifact.type,
    uri: artifact.uri,
    metadata: artifact.metadata,
  };
}

/** The local path of an artifact URI: remote schemes map as in KFP's launcher (`gs://` → `/gcs/`). */
export function localPathOf(uri: string): string {
  for (const [scheme, prefix] of [
    ['gs://', '/gcs/'],
    ['minio://', '/minio/'],
    ['s3://', '/s3/'],
  ] as const) {
    if (uri.startsWith(scheme)) return prefix + uri.slice(scheme.length);
  }
  return uri.startsWith('file://') ? uri.slice('file://'.length) : uri;
}

function safeSegment(segment: string): string {
  const safe = segment.replace(/[^A-Za-z0-9._-]/g, '_');
  return safe === '.' || safe === '..' || safe === '' ? '_' : safe;
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}
