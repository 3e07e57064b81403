/**
 * The ContainerRunSpec an executor gets for a task: argv with every placeholder resolved
 * (then the lightweight-Python rewrite), env, mounts that give the container the same
 * absolute paths as the host, and resource limits (whose strings may be placeholders).
 */
import path from 'node:path';
import type { ContainerRunSpec, Mount } from '../../executors/container-executor.js';
import type { ContainerResources, ContainerSpec, PipelineTaskSpec } from '../ir/pipeline-spec.js';
import { pythonRuntimeEnv, rewriteLightweightPythonArgv } from '../python/lightweight-python.js';
import type { ExecutorInput, TaskLayout } from './executor-input.js';
import {
  resolveArgv,
  resolveText,
  type PlaceholderContext,
  type RunValues,
} from './placeholder-resolver.js';
import { containerLimits } from './resource-limits.js';
import type { RunContext } from './run-context.js';
import type { TaskIo } from './run-model.js';
import type { TrackedTask } from './task-tracker.js';
import { jobResourceName } from './job-resource-name.js';

export interface RunSpecSource {
  leaf: {
    task: TrackedTask;
    spec: PipelineTaskSpec;
    inputs: TaskIo;
    container: ContainerSpec;
    path: readonly string[];
    volumes: Mount[];
  };
  image: string;
  executorInput: ExecutorInput;
  layout: TaskLayout;
}

export function buildContainerRunSpec(ctx: RunContext, source: RunSpecSource): ContainerRunSpec {
  const { leaf, layout } = source;
  const placeholders: PlaceholderContext = {
    executorInput: source.executorInput,
    run: runValues(ctx, leaf.task),
  };
  const templates = [...(leaf.container.command ?? []), ...(leaf.container.args ?? [])];
  const argv = rewriteLightweightPythonArgv(
    resolveArgv(templates, placeholders),
    ctx.deps.pythonRuntimeDir,
  );
  const irEnv = Object.fromEntries(
    (leaf.container.env ?? []).map(({ name, value }) => [name, value]),
  );
  const env: Record<string, string> = {
    ...irEnv,
    ...pythonRuntimeEnv(ctx.deps.pythonRuntimeDir, irEnv.PYTHONPATH),
    SKIFF_RUN_ID: ctx.request.runId,
    SKIFF_TASK_ID: leaf.task.taskId,
    SKIFF_TASK_ROOT: layout.taskRoot,
    // The image the pipeline asked for, so the Python runtime's offline message names it.
    SKIFF_IMAGE: leaf.container.image,
  };
  const resources = containerLimits(resolveResources(leaf.container.resources, placeholders));
  return {
    name: containerName(ctx.request.runId, leaf.task),
    image: source.image,
    argv,
    env,
    mounts: [...mountsFor(ctx, leaf.inputs), ...leaf.volumes],
    // A host process has no image WORKDIR: it works in its own task folder, which exists
    // already, rather than in a temporary folder made and removed for it.
    ...(ctx.deps.executor.kind === 'process' ? { workingDir: layout.taskRoot } : {}),
    ...(resources === undefined ? {} : { resources }),
    labels: {
      'skiff.run-id': ctx.request.runId,
      'skiff.task-id': leaf.task.taskId,
      'skiff.task-name': leaf.task.record.name,
      'skiff.task-path': leaf.path.join('/'),
      'skiff.component': leaf.spec.componentRef.name,
    },
  };
}

export function runValues(ctx: RunContext, task: TrackedTask): RunValues {
  const created = ctx.request.createTime.toISOString();
  return {
    pipeline_job_name: ctx.request.jobName,
    pipeline_job_resource_name: jobResourceName(ctx.request),
    pipeline_job_uuid: ctx.request.runId,
    pipeline_task_name: task.record.displayName,
    pipeline_task_uuid: task.taskId,
    pipeline_root: ctx.request.pipelineRoot,
    pipeline_job_create_time_utc: created,
    pipeline_job_schedule_time_utc: created,
    workspace_path: path.join(ctx.request.pipelineRoot, 'workspace'),
  };
}

/** The run's folder read-write and the Python runtime read-only, both at their host paths,
 * plus the folders of input artifacts that live elsewhere (cache hits, imported files). */
function mountsFor(ctx: RunContext, inputs: TaskIo): Mount[] {
  const root = ctx.request.pipelineRoot;
  const mounts: Mount[] = [
    { hostPath: root, containerPath: root },
    {
      hostPath: ctx.deps.pythonRuntimeDir,
      containerPath: ctx.deps.pythonRuntimeDir,
      readOnly: true,
    },
  ];
  const outside = new Set<string>();
  for (const artifact of Object.values(inputs.artifacts).flat()) {
    if (!path.isAbsolute(artifact.uri) || isInside(artifact.uri, root)) continue;
    outside.add(path.dirname(artifact.uri));
  }
  for (const dir of outside) mounts.push({ hostPath: dir, containerPath: dir, readOnly: true });
  return mounts;
}

function resolveResources(
  resources: ContainerResources | undefined,
  placeholders: PlaceholderContext,
): ContainerResources | undefined {
  if (resources === undefined) return undefined;
  const text = (value: string | undefined): string | undefined =>
    value === undefined ? undefined : resolveText(value, placeholders);
  const resolved: ContainerResources = { ...resources };
  for (const key of [
    'resourceCpuLimit',
    'resourceMemoryLimit',
    'resourceCpuRequest',
    'resourceMemoryRequest',
  ] as const) {
    const value = text(resources[key]);
    if (value !== undefined) resolved[key] = value;
  }
  if (resources.accelerator !== undefined) {
    const { resourceType, resourceCount } = resources.accelerator;
    resolved.accelerator = { ...resources.accelerator };
    const type = text(resourceType);
    const count = text(resourceCount);
    if (type !== undefined) resolved.accelerator.resourceType = type;
    if (count !== undefined) resolved.accelerator.resourceCount = count;
  }
  return resolved;
}

function containerName(runId: string, task: TrackedTask): string {
  const clean = (text: string, length: number): string =>
    text.replace(/[^a-zA-Z0-9_.-]/g, '-').slice(0, length);
  return `skiff-${clean(runId, 12)}-${clean(task.record.name, 40)}-${clean(task.taskId, 12)}`;
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
