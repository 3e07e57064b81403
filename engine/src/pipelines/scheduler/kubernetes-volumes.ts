/**
 * kfp-kubernetes volumes on one machine: `CreatePVC` / `DeletePVC` tasks (image
 * `argostub/createpvc|deletepvc`, no command) become a folder under
 * `<pipelineRoot>/volumes/`, and a task's `pvcMount` mounts that folder at `mountPath`.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { SkiffError } from '../../core/errors.js';
import type { Mount } from '../../executors/container-executor.js';
import type { ContainerSpec, ProtoValue, TaskInputParameter } from '../ir/pipeline-spec.js';
import type { RunContext } from './run-context.js';
import type { TaskIo } from './run-model.js';
import type { DagResults, TaskOutcome } from './task-outcome.js';
import { settle } from './task-node.js';
import type { TrackedTask } from './task-tracker.js';

type PvcMount = TaskInputParameter & {
  mountPath?: string;
  pvcNameParameter?: TaskInputParameter;
  constant?: string;
};

export function volumeStub(container: ContainerSpec): 'create' | 'delete' | undefined {
  if (container.image === 'argostub/createpvc') return 'create';
  if (container.image === 'argostub/deletepvc') return 'delete';
  return undefined;
}

export async function runVolumeStub(
  ctx: RunContext,
  leaf: { task: TrackedTask; inputs: TaskIo },
  kind: 'create' | 'delete',
): Promise<TaskOutcome> {
  leaf.task.start();
  const { pvc_name: given, pvc_name_suffix: suffix } = leaf.inputs.parameters;
  if (kind === 'delete') {
    const name = volumeName(given);
    await rm(volumeFolder(ctx, name), { recursive: true, force: true });
    leaf.task.note(`Deleted volume "${name}".`);
    return settle(leaf.task, 'SUCCEEDED');
  }
  const name = volumeName(
    typeof given === 'string' && given !== ''
      ? given
      : `${ctx.request.runId}${textOr(suffix, '-pvc')}`,
  );
  await mkdir(volumeFolder(ctx, name), { recursive: true });
  leaf.task.note(`Created volume "${name}" as ${volumeFolder(ctx, name)}.`);
  return settle(leaf.task, 'SUCCEEDED', { outputs: { parameters: { name }, artifacts: {} } });
}

/** The `pvcMount`s the platform spec gives an executor, as mounts of volume folders. */
export function volumeMounts(
  ctx: RunContext,
  executorLabel: string,
  sources: { parent: TaskIo; results: DagResults },
): Mount[] {
  const kubernetes = ctx.request.platformSpec?.platforms.kubernetes as
    { deploymentSpec?: { executors?: Record<string, { pvcMount?: PvcMount[] }> } } | undefined;
  const entries = kubernetes?.deploymentSpec?.executors?.[executorLabel]?.pvcMount ?? [];
  return entries.map((entry) => {
    if (entry.mountPath === undefined)
      throw new SkiffError('INVALID_ARGUMENT', 'A pvcMount has no mountPath.');
    const name = volumeName(entry.constant ?? nameFrom(entry.pvcNameParameter ?? entry, sources));
    return { hostPath: volumeFolder(ctx, name), containerPath: entry.mountPath };
  });
}

function nameFrom(
  source: TaskInputParameter,
  sources: { parent: TaskIo; results: DagResults },
): ProtoValue | undefined {
  if (source.componentInputParameter !== undefined)
    return sources.parent.parameters[source.componentInputParameter];
  if (source.taskOutputParameter !== undefined) {
    const { producerTask, outputParameterKey } = source.taskOutputParameter;
    return sources.results.get(producerTask)?.outputs.parameters[outputParameterKey];
  }
  return source.runtimeValue?.constant;
}

function volumeName(value: ProtoValue | undefined): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value)) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `The volume name ${JSON.stringify(value ?? null)} is not a valid PVC name.`,
    );
  }
  return value;
}

function volumeFolder(ctx: RunContext, name: string): string {
  return path.join(ctx.request.pipelineRoot, 'volumes', name);
}

function textOr(value: ProtoValue | undefined, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}
