/**
 * Reads what a finished container left behind: parameter output files, merged with
 * `executor_output.json` (whose values win, as in KFP's launcher), and the metadata the
 * executor wrote for each output artifact.
 */
import { readFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { SkiffError } from '../../core/errors.js';
import type { ComponentSpec, ParameterType, ProtoValue } from '../ir/pipeline-spec.js';
import type { TaskLayout } from './executor-input.js';
import type { ArtifactRef, TaskIo } from './run-model.js';

interface ExecutorOutput {
  parameterValues?: Record<string, ProtoValue>;
  artifacts?: Record<
    string,
    { artifacts?: { uri?: string; metadata?: Record<string, ProtoValue>; custom_path?: string }[] }
  >;
}

export async function collectOutputs(
  component: ComponentSpec,
  layout: TaskLayout,
  plannedArtifacts: Record<string, ArtifactRef>,
): Promise<TaskIo> {
  const executorOutput = await readExecutorOutput(layout.executorOutputFile);
  const parameters: Record<string, ProtoValue> = {};
  for (const [name, spec] of Object.entries(component.outputDefinitions?.parameters ?? {})) {
    const fromExecutor = executorOutput.parameterValues?.[name];
    if (fromExecutor !== undefined) {
      parameters[name] = fromExecutor;
      continue;
    }
    const text = await readOptional(layout.parameterFile(name));
    if (text === undefined) {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `The task finished without output parameter "${name}": neither ${layout.parameterFile(name)} nor ${layout.executorOutputFile} holds it.`,
        { output: name },
      );
    }
    parameters[name] = parseParameterFile(spec.parameterType, text, name);
  }
  const artifacts: Record<string, ArtifactRef[]> = {};
  for (const [name, planned] of Object.entries(plannedArtifacts)) {
    const written = executorOutput.artifacts?.[name]?.artifacts?.[0];
    if (written?.custom_path) await takeFromCustomPath(name, written.custom_path, planned.uri);
    artifacts[name] = [
      {
        ...planned,
        uri: written?.uri && !written.custom_path ? written.uri : planned.uri,
        metadata: { ...planned.metadata, ...(written?.metadata ?? {}) },
      },
    ];
  }
  return { parameters, artifacts };
}

/** An output file's text as its declared type: STRING as-is, BOOLEAN lowercased JSON, else JSON. */
export function parseParameterFile(type: ParameterType, text: string, name: string): ProtoValue {
  if (type === 'STRING') return text;
  try {
    return JSON.parse(type === 'BOOLEAN' ? text.toLowerCase() : text) as ProtoValue;
  } catch {
    const sample = JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Output parameter "${name}" is declared ${type} but its file holds ${sample}, which is not JSON.`,
      { output: name },
    );
  }
}

/**
 * `artifact.set_path(p)` (custom_path): the component wrote the artifact elsewhere and, as
 * KFP's launcher does, Skiff copies it to the artifact's URI.
 */
async function takeFromCustomPath(name: string, customPath: string, uri: string): Promise<void> {
  if (path.resolve(customPath) === path.resolve(uri)) return;
  try {
    await cp(customPath, uri, { recursive: true, force: true });
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'it does not exist on this machine'
        : String(error);
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Output artifact "${name}" was written to its custom path ${customPath}, but ${reason}. With the Docker executor, only paths under the pipeline root are visible after the task ends.`,
      { output: name },
    );
  }
}

async function readExecutorOutput(file: string): Promise<ExecutorOutput> {
  const text = await readOptional(file);
  if (text === undefined || text.trim() === '') return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
  } catch {
    // reported below
  }
  throw new SkiffError(
    'FAILED_PRECONDITION',
    `The task wrote ${file}, but it is not a JSON object.`,
  );
}

/**
 * Output files are small (parameter values, executor_output.json) and usually absent for
 * a no-op step: a synchronous read costs microseconds, a thread-pool round trip far more.
 */
async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await Promise.resolve(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
