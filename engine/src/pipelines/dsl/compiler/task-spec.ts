import { SkiffError } from '../../../core/errors.js';
import type {
  InterfaceDefinitions,
  PipelineTaskSpec,
  TaskInputArtifact,
  TaskInputParameter,
} from '../../ir/pipeline-spec.js';
import type { PipelineTask } from '../pipeline-task.js';
import type { RetrySettings } from '../signature.js';
import type { GroupIO, ResolvedChannel } from './group-io.js';

/**
 * `PipelineTaskSpec`s for component tasks (KFP's `build_task_spec_for_task`): each input is
 * a constant, a sibling's output, or an input of the enclosing sub-DAG.
 */

export interface DagScope {
  /** Tasks and groups in the same DAG: their outputs are read directly. */
  readonly siblings: ReadonlySet<string>;
  /** The enclosing component's inputs, to tell pipeline inputs from `pipelinechannel--…`. */
  readonly parentInputs: InterfaceDefinitions | undefined;
}

type TaskInputs = NonNullable<PipelineTaskSpec['inputs']>;

export function componentTaskSpec(
  task: PipelineTask,
  io: GroupIO,
  scope: DagScope,
): PipelineTaskSpec {
  const spec: PipelineTaskSpec = {
    taskInfo: { name: task.displayName ?? task.name },
    componentRef: { name: '' },
    cachingOptions: task.caching ? { enableCache: true } : {},
  };
  if (task.retry !== undefined) spec.retryPolicy = retryPolicy(task.retry);
  const inputs: TaskInputs = {};
  for (const [name, arg] of task.args) {
    if (arg.kind === 'constant') {
      (inputs.parameters ??= {})[name] = { runtimeValue: { constant: arg.value } };
      continue;
    }
    if (arg.kind === 'format') {
      let text = arg.parts[0] ?? '';
      arg.channels.forEach((raw, index) => {
        const channel = io.resolve(task.name, raw);
        const injected = `pipelinechannel--${channel.fullName}`;
        if (task.args.has(injected)) {
          throw new SkiffError(
            'INVALID_ARGUMENT',
            `Task "${task.name}" has an input named "${injected}", which the compiler needs for an fstring.`,
          );
        }
        (inputs.parameters ??= {})[injected] = parameterInput(channel, scope, task.name);
        text += `{{$.inputs.parameters['${injected}']}}${arg.parts[index + 1] ?? ''}`;
      });
      (inputs.parameters ??= {})[name] = { runtimeValue: { constant: text } };
      continue;
    }
    const channel = io.resolve(task.name, arg.channel);
    if (channel.type.io === 'artifact') {
      (inputs.artifacts ??= {})[name] = artifactInput(channel, scope, task.name);
    } else {
      const input = parameterInput(channel, scope, task.name);
      if (arg.selector !== undefined) input.parameterExpressionSelector = arg.selector;
      (inputs.parameters ??= {})[name] = input;
    }
  }
  if (inputs.parameters !== undefined || inputs.artifacts !== undefined) spec.inputs = inputs;
  return spec;
}

/** A value entering a task or group: a sibling's output, else an input of the enclosing DAG. */
export function parameterInput(
  channel: ResolvedChannel,
  scope: DagScope,
  consumer: string,
): TaskInputParameter {
  const { producer, outputKey } = channel;
  if (producer !== undefined && outputKey !== undefined && scope.siblings.has(producer)) {
    return { taskOutputParameter: { producerTask: producer, outputParameterKey: outputKey } };
  }
  return { componentInputParameter: enclosingInput(channel, scope, 'parameters', consumer) };
}

export function artifactInput(
  channel: ResolvedChannel,
  scope: DagScope,
  consumer: string,
): TaskInputArtifact {
  const { producer, outputKey } = channel;
  if (producer !== undefined && outputKey !== undefined && scope.siblings.has(producer)) {
    return { taskOutputArtifact: { producerTask: producer, outputArtifactKey: outputKey } };
  }
  return { componentInputArtifact: enclosingInput(channel, scope, 'artifacts', consumer) };
}

/** A pipeline input keeps its name at the top level; everything else arrives as `pipelinechannel--…`. */
function enclosingInput(
  channel: ResolvedChannel,
  scope: DagScope,
  kind: 'parameters' | 'artifacts',
  consumer: string,
): string {
  const declared = scope.parentInputs?.[kind] ?? {};
  const name =
    channel.channel.source === 'pipeline-input' && channel.fullName in declared
      ? channel.fullName
      : `pipelinechannel--${channel.fullName}`;
  if (!(name in declared)) {
    throw new SkiffError(
      'INTERNAL',
      `Task "${consumer}" reads "${name}", which its enclosing DAG does not receive.`,
    );
  }
  return name;
}

/** KFP fills in the defaults so the IR shows what runs: 0s backoff, factor 2, at most 1h. */
export function retryPolicy(retry: RetrySettings): NonNullable<PipelineTaskSpec['retryPolicy']> {
  return {
    maxRetryCount: retry.maxRetries,
    backoffDuration: `${seconds(retry.backoffDuration ?? 0)}s`,
    backoffFactor: retry.backoffFactor ?? 2,
    backoffMaxDuration: `${Math.min(seconds(retry.backoffMaxDuration ?? 3600), 3600)}s`,
  };
}

function seconds(duration: number | string): number {
  if (typeof duration === 'number') return duration;
  const match = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(duration.trim());
  if (match === null) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `Retry durations are seconds or strings like "30s", "5m", "1h"; got "${duration}".`,
    );
  }
  const factor = match[2] === 'h' ? 3600 : match[2] === 'm' ? 60 : 1;
  return Math.round(Number(match[1]) * factor);
}
