import type { ArtifactRef, TaskIo, TaskRecord } from '../../../pipelines/scheduler/run-model.js';
import type { KfpArtifactList, KfpTaskDetail } from './kfp-types.js';
import { rpcStatus } from './rpc-status.js';
import { stateHistory } from './state-history.js';

/**
 * Skiff extensions the UI's graph needs to place a task in the spec (KFP clients ignore
 * fields they don't know): the task's key in its DAG, its kind and a loop iteration's index.
 */
export interface SkiffTaskDetail extends KfpTaskDetail {
  task_name: string;
  kind: TaskRecord['kind'];
  iteration_index?: number;
}

/** Finds the int64 metadata id of each artifact id (see ArtifactMetadataIds). */
export type ArtifactIdLookup = (artifactIds: readonly string[]) => Map<string, string>;

/** `run_details.task_details` from the scheduler's task records. */
export function taskDetailsJson(
  tasks: readonly TaskRecord[],
  lookup: ArtifactIdLookup,
): SkiffTaskDetail[] {
  const ids = lookup(
    tasks.flatMap((task) =>
      [...artifactsOf(task.inputs), ...artifactsOf(task.outputs)].map((a) => a.artifactId),
    ),
  );
  const children = new Map<string, string[]>();
  for (const task of tasks) {
    if (task.parentTaskId)
      children.set(task.parentTaskId, [...(children.get(task.parentTaskId) ?? []), task.taskId]);
  }
  return tasks.map((task) => taskDetailJson(task, ids, children.get(task.taskId) ?? []));
}

function taskDetailJson(
  task: TaskRecord,
  ids: Map<string, string>,
  children: string[],
): SkiffTaskDetail {
  const detail: SkiffTaskDetail = {
    run_id: task.runId,
    task_id: task.taskId,
    display_name: task.displayName,
    create_time: task.createdAt,
    state: task.state,
    inputs: artifactLists(task.inputs, ids),
    outputs: artifactLists(task.outputs, ids),
    child_tasks: children.map((taskId) => ({ task_id: taskId })),
    state_history: stateHistory(task),
    input_parameters: task.inputs.parameters,
    output_parameters: task.outputs.parameters,
    task_name: task.name,
    kind: task.kind,
  };
  if (task.startedAt) detail.start_time = task.startedAt;
  if (task.finishedAt) detail.end_time = task.finishedAt;
  if (task.error) detail.error = rpcStatus(task.error);
  if (task.parentTaskId) detail.parent_task_id = task.parentTaskId;
  if (task.containerId) detail.executor_detail = { main_job: task.containerId };
  // Skiff extension, like input_parameters: KFP clients ignore fields they don't know.
  if (task.cached) detail.cached = true;
  if (task.iterationIndex !== undefined) detail.iteration_index = task.iterationIndex;
  return detail;
}

function artifactsOf(io: TaskIo): ArtifactRef[] {
  return Object.values(io.artifacts).flat();
}

function artifactLists(io: TaskIo, ids: Map<string, string>): Record<string, KfpArtifactList> {
  const lists: Record<string, KfpArtifactList> = {};
  for (const [name, artifacts] of Object.entries(io.artifacts)) {
    lists[name] = {
      artifact_ids: artifacts.flatMap((a) => {
        const id = ids.get(a.artifactId);
        return id === undefined ? [] : [id];
      }),
    };
  }
  return lists;
}
