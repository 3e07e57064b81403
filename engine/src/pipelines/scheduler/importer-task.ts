/**
 * dsl.importer: turns a URI (`artifactUri.constant`, or the input parameter named by
 * `runtimeParameter`) into an output artifact with the importer's type and metadata.
 * No container runs; the file is not copied (a local path is read where it is).
 */
import { SkiffError } from '../../core/errors.js';
import type {
  ComponentSpec,
  ImporterSpec,
  PipelineTaskSpec,
  ProtoValue,
} from '../ir/pipeline-spec.js';
import { recordProduced } from './artifact-lineage.js';
import { expandReferencesDeep } from './parameter-references.js';
import type { RunContext } from './run-context.js';
import type { ArtifactRef, TaskIo } from './run-model.js';
import type { TaskOutcome } from './task-outcome.js';
import { settle } from './task-node.js';
import type { TrackedTask } from './task-tracker.js';

export interface ImporterTask {
  task: TrackedTask;
  spec: PipelineTaskSpec;
  component: ComponentSpec;
  inputs: TaskIo;
  path: readonly string[];
  importer: ImporterSpec;
}

export async function runImporterTask(ctx: RunContext, leaf: ImporterTask): Promise<TaskOutcome> {
  const previous = ctx.resume.find(leaf.path);
  if (previous !== undefined) {
    await recordProduced(ctx, leaf.task.taskId, previous.outputs);
    leaf.task.note(`Reused from the previous attempt of this run (task ${previous.taskId}).`);
    return settle(leaf.task, 'SUCCEEDED', { outputs: previous.outputs });
  }
  leaf.task.start();
  leaf.task.update({ attempts: 1 });
  const outputName =
    Object.keys(leaf.component.outputDefinitions?.artifacts ?? {})[0] ?? 'artifact';
  const metadata = expandReferencesDeep(
    leaf.importer.metadata ?? {},
    leaf.inputs.parameters,
    'The importer metadata',
  );
  const artifact: ArtifactRef = {
    artifactId: ctx.deps.ids.next(),
    name: outputName,
    type: leaf.importer.typeSchema,
    uri: importUri(leaf.importer, leaf.inputs),
    metadata: isRecord(metadata) ? metadata : {},
  };
  const outputs: TaskIo = { parameters: {}, artifacts: { [outputName]: [artifact] } };
  await recordProduced(ctx, leaf.task.taskId, outputs);
  leaf.task.note(`Imported ${artifact.uri} as ${artifact.type.schemaTitle ?? 'an artifact'}.`);
  return settle(leaf.task, 'SUCCEEDED', { outputs });
}

export function importUri(importer: ImporterSpec, inputs: TaskIo): string {
  const { constant, runtimeParameter } = importer.artifactUri;
  const value = runtimeParameter !== undefined ? inputs.parameters[runtimeParameter] : constant;
  if (typeof value !== 'string' || value === '') {
    const source =
      runtimeParameter !== undefined
        ? `input parameter "${runtimeParameter}"`
        : 'artifactUri.constant';
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `The importer needs a URI in ${source}, but it is ${JSON.stringify(value ?? null)}.`,
    );
  }
  return value;
}

function isRecord(value: ProtoValue): value is Record<string, ProtoValue> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
