import { SkiffError } from '../../../core/errors.js';
import {
  channelFullName,
  describeChannel,
  type Channel,
  type ChannelType,
  type CollectedChannel,
} from '../channel.js';
import type { PipelineTask } from '../pipeline-task.js';
import { ROOT_GROUP_NAME } from '../task-group.js';
import { argumentChannels, type PipelineGraph } from './pipeline-graph.js';

/**
 * Where each value comes from once the graph is split into sub-DAGs (KFP's
 * `get_inputs_for_all_groups` and `get_outputs_for_all_groups`): which inputs each group
 * must declare to pass values down, and which outputs a loop re-exports for `collected()`.
 */

/** A channel as seen from one consumer: a collected output points at the loop re-exporting it. */
export interface ResolvedChannel {
  readonly fullName: string;
  /** The task or group producing it, a sibling of the consumer's outermost own group. */
  readonly producer: string | undefined;
  readonly outputKey: string | undefined;
  readonly type: ChannelType;
  readonly channel: Channel;
}

export interface GroupOutput {
  readonly producer: string;
  readonly key: string;
  readonly type: ChannelType;
}

export class GroupIO {
  /** Group name → input name (`pipelinechannel--…`) → the channel it carries. */
  readonly inputs = new Map<string, Map<string, ResolvedChannel>>();
  /** Group name → output name → the subtask output it re-exports. */
  readonly outputs = new Map<string, Map<string, GroupOutput>>();
  private readonly resolved = new Map<string, ResolvedChannel>();

  constructor(private readonly graph: PipelineGraph) {
    for (const task of graph.tasks) {
      for (const channel of [...argumentChannels(task), ...graph.conditionChannelsOf(task)]) {
        this.route(task, channel);
      }
    }
  }

  /** The channel as `consumer` (a task name) reads it. */
  resolve(consumer: string, channel: Channel): ResolvedChannel {
    if (channel.source !== 'collected') return plain(channel, this.producerOf(channel));
    const key = `${consumer}\u0000${channelFullName(channel)}\u0000${channel.type.io}`;
    const known = this.resolved.get(key);
    if (known !== undefined) return known;
    const producer = channel.of.task.name;
    const [upstream] = this.graph.uncommonAncestors(this.taskPathName(channel.of.task), consumer);
    this.checkFanIn(channel, upstream, consumer);
    const surfaced = this.surface(channel, upstream.slice(0, -1), producer);
    this.resolved.set(key, surfaced);
    return surfaced;
  }

  /** A collected pipeline output, surfaced through every group around its producer. */
  resolvePipelineOutput(channel: CollectedChannel): ResolvedChannel {
    const path = this.graph.pathOf(this.taskPathName(channel.of.task)).slice(1, -1);
    if (!path.some((name) => this.graph.group(name)?.kind === 'for-loop')) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `collected() is for outputs produced inside forEach(); ${describeChannel(channel.of)} is not.`,
      );
    }
    return this.surface(channel, path, channel.of.task.name);
  }

  /** The task or group that produces the channel's value, if any (pipeline inputs have none). */
  producerOf(channel: Channel): string | undefined {
    switch (channel.source) {
      case 'pipeline-input':
        return undefined;
      case 'task-output':
        return this.taskPathName(channel.task);
      case 'collected':
        return this.taskPathName(channel.of.task);
      case 'loop-item':
        return channel.items === undefined ? undefined : this.producerOf(channel.items);
    }
  }

  private taskPathName(task: PipelineTask): string {
    if (task.isExitTask) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `The outputs of exit task "${task.name}" cannot be used: it runs after everything else.`,
      );
    }
    return task.name;
  }

  private route(task: PipelineTask, channel: Channel): void {
    const resolved = this.resolve(task.name, channel);
    // The chain from the value read to the list it was drawn from: [item, outer list, …].
    const chain: Channel[] = [];
    let link: Channel | undefined = channel;
    while (link !== undefined) {
      chain.push(link);
      link = link.source === 'loop-item' ? link.items : undefined;
    }
    const producer = this.producerOf(channel);
    let groups: readonly string[];
    if (producer !== undefined) {
      groups = this.graph.uncommonAncestors(producer, task.name)[1];
    } else {
      const path = this.graph.pathOf(task.name);
      const deepest = chain.at(-1);
      // A literal list's item exists only from its loop down.
      const start = deepest?.source === 'loop-item' ? path.indexOf(deepest.loop.name) : 0;
      groups = path.slice(Math.max(start, 0));
    }
    for (const name of groups) {
      const current = chain.at(-1);
      if (current === undefined) break;
      if (name === ROOT_GROUP_NAME || name === task.name) continue;
      const carried = current === channel ? resolved : plain(current, this.producerOf(current));
      this.addInput(name, carried);
      const loop = this.graph.group(name)?.detail;
      // Below its loop, a list is read through its item (unless the whole list is read).
      if (loop?.kind === 'for-loop' && loop.loop.item.items === current && chain.length > 1) {
        chain.pop();
      }
    }
  }

  private addInput(group: string, channel: ResolvedChannel): void {
    let inputs = this.inputs.get(group);
    if (inputs === undefined) this.inputs.set(group, (inputs = new Map<string, ResolvedChannel>()));
    inputs.set(`pipelinechannel--${channel.fullName}`, channel);
  }

  /** Re-exports the output from each group in `groups` (outermost first), innermost first. */
  private surface(
    channel: CollectedChannel,
    groups: readonly string[],
    producer: string,
  ): ResolvedChannel {
    const surfacedName = `pipelinechannel--${channelFullName(channel.of)}`;
    let current: GroupOutput = { producer, key: channel.of.key, type: channel.type };
    for (const group of [...groups].reverse()) {
      let outputs = this.outputs.get(group);
      if (outputs === undefined)
        this.outputs.set(group, (outputs = new Map<string, GroupOutput>()));
      outputs.set(surfacedName, current);
      current = { producer: group, key: surfacedName, type: channel.type };
    }
    return {
      fullName: `${current.producer}-${current.key}`,
      producer: current.producer,
      outputKey: current.key,
      type: channel.type,
      channel,
    };
  }

  private checkFanIn(
    channel: CollectedChannel,
    upstream: readonly string[],
    consumer: string,
  ): void {
    const groups = upstream.slice(0, -1).map((name) => this.graph.group(name));
    const outermost = groups[0];
    if (outermost === undefined || !groups.some((group) => group?.kind === 'for-loop')) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Task "${consumer}" collects ${describeChannel(channel.of)}, but that task is not inside a ` +
          'forEach() the consumer is outside of. collected() fans in the iterations of a loop.',
      );
    }
    if (outermost.kind !== 'for-loop') {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Task "${consumer}" collects ${describeChannel(channel.of)} from a loop inside ${outermost.name}; ` +
          'collect it within that block, or move the loop out of it.',
      );
    }
  }
}

function plain(channel: Channel, producer: string | undefined): ResolvedChannel {
  return {
    fullName: channelFullName(channel),
    producer,
    outputKey: channel.source === 'task-output' ? channel.key : undefined,
    type: channel.type,
    channel,
  };
}
