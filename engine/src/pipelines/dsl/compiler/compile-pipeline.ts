import { SkiffError } from '../../../core/errors.js';
import { SKIFF_VERSION } from '../../../core/version.js';
import type { ComponentSpec, PipelineSpec, PipelineTaskSpec } from '../../ir/pipeline-spec.js';
import { channelFullName, type Channel } from '../channel.js';
import { conditionChannels } from '../condition.js';
import type { PipelineBuilder } from '../pipeline-builder.js';
import { uniqueName } from '../pipeline-builder.js';
import type { PipelineTask } from '../pipeline-task.js';
import type { CompiledPipeline, InputDecls } from '../signature.js';
import type { TaskGroup } from '../task-group.js';
import { declaredInterface, groupInterface, typedDefinitions } from './component-spec.js';
import { containerSpec } from './container-spec.js';
import { GroupIO, type GroupOutput, type ResolvedChannel } from './group-io.js';
import { dagOutputs, groupTaskSpec } from './group-task-spec.js';
import { foldNestedPipeline } from './nested-pipeline.js';
import { PipelineGraph } from './pipeline-graph.js';
import { pipelineOutputs } from './pipeline-outputs.js';
import { taskDependencies } from './task-dependencies.js';
import { componentTaskSpec, type DagScope } from './task-spec.js';

/** What a pipeline body produced, ready to compile. */
export interface PipelineSource {
  readonly builder: PipelineBuilder;
  readonly name: string;
  readonly description?: string;
  readonly displayName?: string;
  readonly inputs: InputDecls;
  readonly outputs: ReadonlyMap<string, Channel>;
}

/**
 * Compiles a pipeline body into a PipelineSpec the way `kfp.compiler` does (schema 2.1.0):
 * groups become sub-DAG components in parent-first order, names are made unique in the
 * same order, so a pipeline written here and in the KFP SDK compile alike.
 */
export function compilePipeline(source: PipelineSource): CompiledPipeline {
  const graph = new PipelineGraph(source.builder);
  const io = new GroupIO(graph);
  const dependencies = taskDependencies(graph, io);
  const outputs = pipelineOutputs(source, graph, io);
  const outputTypes = Object.fromEntries([...outputs].map(([name, o]) => [name, o.type]));

  const root: ComponentSpec = declaredInterface(source.inputs, {});
  const outputDefinitions = typedDefinitions(outputTypes);
  if (outputDefinitions !== undefined) root.outputDefinitions = outputDefinitions;
  root.dag = { tasks: {} };
  const rootOutputs = dagOutputs(outputs);
  if (rootOutputs !== undefined) root.dag.outputs = rootOutputs;
  const spec: PipelineSpec = {
    components: {},
    deploymentSpec: { executors: {} },
    pipelineInfo: {
      name: source.name,
      ...(source.description !== undefined ? { description: source.description } : {}),
      ...(source.displayName !== undefined ? { displayName: source.displayName } : {}),
    },
    root,
    schemaVersion: '2.1.0',
    sdkVersion: `skiff-${SKIFF_VERSION}`,
  };
  const components = new Map<TaskGroup, ComponentSpec>([[graph.builder.root, root]]);

  for (const group of graph.groups) {
    const own = components.get(group);
    const dag = own?.dag;
    if (own === undefined || dag === undefined) {
      throw new SkiffError('INTERNAL', `Group "${group.name}" was compiled before its parent.`);
    }
    const scope: DagScope = {
      siblings: new Set([...group.groups, ...group.tasks].map((child) => child.name)),
      parentInputs: own.inputDefinitions,
    };
    const add = (name: string, taskSpec: PipelineTaskSpec, component: ComponentSpec): void => {
      const upstream = [...(dependencies.get(name) ?? [])].sort();
      if (upstream.length > 0) taskSpec.dependentTasks = upstream;
      taskSpec.componentRef.name = register(spec, `comp-${name}`, component);
      dag.tasks[name] = taskSpec;
    };
    for (const child of group.groups) {
      const channels = groupChannels(child, io);
      const component = groupInterface(channels, io.outputs.get(child.name) ?? new Map());
      component.dag = { tasks: {} };
      const exported = dagOutputs(io.outputs.get(child.name) ?? new Map<string, GroupOutput>());
      if (exported !== undefined) component.dag.outputs = exported;
      components.set(child, component);
      add(child.name, groupTaskSpec(child, channels, scope), component);
    }
    for (const task of group.tasks) {
      rejectMisplacedFinalStatus(task);
      const taskSpec = componentTaskSpec(task, io, scope);
      add(task.name, taskSpec, taskComponent(spec, task));
    }
  }
  for (const group of graph.builder.root.groups) {
    if (group.detail.kind === 'exit-handler') addExitTask(spec, group, group.detail.exitTask, io);
  }
  return { spec, outputTypes };
}

/** Registers a component under `comp-<name>`, or `comp-<name>-2` if taken, and returns the key. */
function register(spec: PipelineSpec, name: string, component: ComponentSpec): string {
  const components = (spec.components ??= {});
  const key = uniqueName(name, Object.keys(components));
  components[key] = component;
  return key;
}

function taskComponent(spec: PipelineSpec, task: PipelineTask): ComponentSpec {
  const definition = task.component;
  if (definition.kind === 'pipeline') return foldNestedPipeline(spec, definition.compile().spec);
  const component = declaredInterface(definition.inputs, definition.outputs);
  const executors = ((spec.deploymentSpec ??= {}).executors ??= {});
  const label = uniqueName(`exec-${task.name}`, Object.keys(executors));
  executors[label] = { container: containerSpec(definition, task) };
  return { ...component, executorLabel: label };
}

/** The values a sub-DAG receives: what its tasks read, plus its loop list or condition operands. */
function groupChannels(group: TaskGroup, io: GroupIO): Map<string, ResolvedChannel> {
  const channels = new Map(io.inputs.get(group.name) ?? []);
  const extra: Channel[] = [];
  const detail = group.detail;
  if (detail.kind === 'for-loop') {
    const source = detail.loop.source;
    if ('channel' in source) extra.push(source.channel);
    extra.push(detail.loop.item);
  }
  if (detail.kind === 'condition') extra.push(...conditionChannels(detail.condition));
  for (const channel of extra) {
    const name = `pipelinechannel--${channelFullName(channel)}`;
    if (!channels.has(name)) {
      channels.set(name, {
        fullName: channelFullName(channel),
        producer: io.producerOf(channel),
        outputKey: channel.source === 'task-output' ? channel.key : undefined,
        type: channel.type,
        channel,
      });
    }
  }
  return channels;
}

function addExitTask(spec: PipelineSpec, group: TaskGroup, task: PipelineTask, io: GroupIO): void {
  const scope: DagScope = { siblings: new Set(), parentInputs: spec.root.inputDefinitions };
  const taskSpec = componentTaskSpec(task, io, scope);
  taskSpec.dependentTasks = [group.name];
  taskSpec.triggerPolicy = { strategy: 'ALL_UPSTREAM_TASKS_COMPLETED' };
  for (const [name, decl] of Object.entries(task.component.inputs)) {
    if (decl.decl === 'final-status') {
      ((taskSpec.inputs ??= {}).parameters ??= {})[name] = {
        taskFinalStatus: { producerTask: group.name },
      };
    }
  }
  taskSpec.componentRef.name = register(spec, `comp-${task.name}`, taskComponent(spec, task));
  spec.root.dag ??= { tasks: {} };
  spec.root.dag.tasks[task.name] = taskSpec;
}

function rejectMisplacedFinalStatus(task: PipelineTask): void {
  const input = Object.entries(task.component.inputs).find(([, d]) => d.decl === 'final-status');
  if (input !== undefined) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `Task "${task.name}" has a final-status input ("${input[0]}"), so it can only be the exit ` +
        'task of exitHandler(task, () => { … }).',
    );
  }
}
