import type { DagSpec, PipelineTaskSpec } from '../../ir/pipeline-spec.js';
import { channelFullName } from '../channel.js';
import { pythonJson } from '../python-json.js';
import type { TaskGroup } from '../task-group.js';
import { renderCondition } from './cel-condition.js';
import type { GroupOutput, ResolvedChannel } from './group-io.js';
import { artifactInput, parameterInput, type DagScope } from './task-spec.js';

/**
 * The task that runs a sub-DAG (KFP's `build_task_spec_for_group`): it feeds the group's
 * `pipelinechannel--…` inputs, and carries the loop iterator or the trigger condition.
 */
export function groupTaskSpec(
  group: TaskGroup,
  inputs: ReadonlyMap<string, ResolvedChannel>,
  scope: DagScope,
): PipelineTaskSpec {
  const spec: PipelineTaskSpec = {
    taskInfo: { name: group.displayName ?? group.name },
    componentRef: { name: '' },
  };
  const parameters: NonNullable<PipelineTaskSpec['inputs']>['parameters'] = {};
  const artifacts: NonNullable<PipelineTaskSpec['inputs']>['artifacts'] = {};
  const detail = group.detail;
  const itemInput =
    detail.kind === 'for-loop' ? `pipelinechannel--${detail.loop.item.name}` : undefined;
  for (const [name, channel] of inputs) {
    if (name === itemInput) continue; // the iterator provides it
    // A loop item never comes from a sibling: it is always handed down from the loop.
    const passed: ResolvedChannel =
      channel.channel.source === 'loop-item' ? { ...channel, producer: undefined } : channel;
    if (channel.type.io === 'artifact') artifacts[name] = artifactInput(passed, scope, group.name);
    else parameters[name] = parameterInput(passed, scope, group.name);
  }
  if (Object.keys(parameters).length > 0 || Object.keys(artifacts).length > 0) {
    spec.inputs = {
      ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
      ...(Object.keys(artifacts).length > 0 ? { artifacts } : {}),
    };
  }
  if (detail.kind === 'for-loop' && itemInput !== undefined) {
    const { source, parallelism } = detail.loop;
    spec.parameterIterator = {
      items:
        'raw' in source
          ? { raw: pythonJson([...source.raw], { sortKeys: true }) }
          : { inputParameter: `pipelinechannel--${channelFullName(source.channel)}` },
      itemInput,
    };
    if (parallelism > 0) spec.iteratorPolicy = { parallelismLimit: parallelism };
  }
  if (detail.kind === 'condition') {
    spec.triggerPolicy = { condition: renderCondition(detail.condition) };
  }
  return spec;
}

/** `dag.outputs`: what a sub-DAG (or the pipeline) re-exports from its subtasks. */
export function dagOutputs(outputs: ReadonlyMap<string, GroupOutput>): DagSpec['outputs'] {
  const parameters: NonNullable<DagSpec['outputs']>['parameters'] = {};
  const artifacts: NonNullable<DagSpec['outputs']>['artifacts'] = {};
  for (const [name, output] of outputs) {
    if (output.type.io === 'artifact') {
      artifacts[name] = {
        artifactSelectors: [{ producerSubtask: output.producer, outputArtifactKey: output.key }],
      };
    } else {
      parameters[name] = {
        valueFromParameter: { producerSubtask: output.producer, outputParameterKey: output.key },
      };
    }
  }
  if (Object.keys(parameters).length === 0 && Object.keys(artifacts).length === 0) return undefined;
  return {
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    ...(Object.keys(artifacts).length > 0 ? { artifacts } : {}),
  };
}
