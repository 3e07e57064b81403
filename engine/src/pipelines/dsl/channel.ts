import { SkiffError } from '../../core/errors.js';
import type { ParameterType } from '../ir/pipeline-spec.js';
import type { PrimitiveParameterType } from './parameter.js';
import type { PipelineBuilder } from './pipeline-builder.js';
import type { PipelineTask } from './pipeline-task.js';
import type { TaskGroup } from './task-group.js';

/**
 * A channel is a value that only exists at run time: a pipeline input, a task output, the
 * current loop item, or the fan-in of a loop (KFP's `PipelineChannel`). The compiler turns
 * each into `componentInputParameter`, `taskOutputParameter`, and so on.
 */

export type ChannelType =
  | { io: 'parameter'; parameterType: ParameterType; itemType?: PrimitiveParameterType }
  | { io: 'artifact'; schemaTitle: string; isList: boolean };

export interface PipelineInputChannel {
  readonly source: 'pipeline-input';
  readonly owner: PipelineBuilder;
  readonly name: string;
  readonly type: ChannelType;
}

export interface TaskOutputChannel {
  readonly source: 'task-output';
  readonly task: PipelineTask;
  readonly key: string;
  readonly type: ChannelType;
}

/** `pipelinechannel--<list>-loop-item`, or `loop-item-param-N` for a literal list. */
export interface LoopItemChannel {
  readonly source: 'loop-item';
  readonly owner: PipelineBuilder;
  readonly name: string;
  readonly loop: TaskGroup;
  /** The channel iterated over; undefined for a literal list. */
  readonly items: Channel | undefined;
  readonly type: ChannelType;
}

/** `dsl.Collected`: every iteration's output, gathered into a list outside the loop. */
export interface CollectedChannel {
  readonly source: 'collected';
  readonly of: TaskOutputChannel;
  readonly type: ChannelType;
}

export type Channel = PipelineInputChannel | TaskOutputChannel | LoopItemChannel | CollectedChannel;

/** KFP's `PipelineChannel.full_name`: `<task>-<output>` for outputs, the bare name otherwise. */
export function channelFullName(channel: Channel): string {
  switch (channel.source) {
    case 'pipeline-input':
    case 'loop-item':
      return channel.name;
    case 'task-output':
      return `${channel.task.name}-${channel.key}`;
    case 'collected':
      return channelFullName(channel.of);
  }
}

export function channelOwner(channel: Channel): PipelineBuilder {
  switch (channel.source) {
    case 'pipeline-input':
    case 'loop-item':
      return channel.owner;
    case 'task-output':
      return channel.task.owner;
    case 'collected':
      return channel.of.task.owner;
  }
}

/** A human description for error messages: `output "model" of task "train"`. */
export function describeChannel(channel: Channel): string {
  switch (channel.source) {
    case 'pipeline-input':
      return `pipeline input "${channel.name}"`;
    case 'loop-item':
      return `loop item of ${channel.loop.name}`;
    case 'task-output':
      return `output "${channel.key}" of task "${channel.task.name}"`;
    case 'collected':
      return `collected ${describeChannel(channel.of)}`;
  }
}

/** The IR type name as KFP prints it in type errors: `NUMBER_DOUBLE`, `system.Model`, `List[...]`. */
export function describeType(type: ChannelType): string {
  if (type.io === 'parameter') return type.parameterType;
  return type.isList ? `List[${type.schemaTitle}]` : type.schemaTitle;
}

/**
 * Rejects a channel the pipeline being defined can't read here: one from another pipeline,
 * or a loop item used outside its loop. `where` starts the message.
 */
export function checkReadable(builder: PipelineBuilder, channel: Channel, where: string): void {
  if (channelOwner(channel) !== builder) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `${where}: ${describeChannel(channel)} belongs to another pipeline. ` +
        'Pass it to the nested pipeline as an input instead.',
    );
  }
  for (let link: Channel | undefined = channel; link?.source === 'loop-item'; link = link.items) {
    if (!builder.isOpen(link.loop)) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `${where}: the item of ${link.loop.name} is only defined inside its forEach() body.`,
      );
    }
  }
}

/** A value for an error message, without walking into the pipeline graph. */
export function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'channel' in value) {
    const channel = (value as { channel: Channel }).channel;
    return `${describeChannel(channel)} (${describeType(channel.type)})`;
  }
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
    return String(value);
  }
  try {
    return JSON.stringify(value);
  } catch {
    return 'a value that is not JSON';
  }
}
