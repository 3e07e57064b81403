import { SkiffError } from '../../../core/errors.js';
import type { Channel, ChannelType } from '../channel.js';
import type { GroupIO, GroupOutput } from './group-io.js';
import type { PipelineGraph } from './pipeline-graph.js';

/**
 * The pipeline's own outputs (`root.dag.outputs`): top-level task outputs, or loop outputs
 * gathered with `collected(...)` and re-exported by the loops around them.
 */
export function pipelineOutputs(
  source: { readonly outputs: ReadonlyMap<string, Channel> },
  graph: PipelineGraph,
  io: GroupIO,
): Map<string, GroupOutput> {
  const outputs = new Map<string, GroupOutput>();
  for (const [name, channel] of source.outputs) {
    if (channel.source === 'collected') {
      const resolved = io.resolvePipelineOutput(channel);
      if (resolved.producer === undefined || resolved.outputKey === undefined) {
        throw new SkiffError('INTERNAL', `Output "${name}" lost its producer.`);
      }
      outputs.set(name, {
        producer: resolved.producer,
        key: resolved.outputKey,
        type: channel.type,
      });
    } else if (channel.source === 'task-output' && !channel.task.isExitTask) {
      if (graph.pathOf(channel.task.name).length !== 2) {
        throw new SkiffError(
          'INVALID_ARGUMENT',
          `Pipeline output "${name}" comes from task "${channel.task.name}", which runs inside a ` +
            'condition, loop or exit handler. Return outputs of top-level tasks, or collected(...) loop outputs.',
        );
      }
      outputs.set(name, {
        producer: channel.task.name,
        key: channel.key,
        type: channelType(channel),
      });
    } else {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Pipeline output "${name}" must be a task output (or collected loop output), not a ${channel.source}.`,
      );
    }
  }
  return outputs;
}

function channelType(channel: Channel): ChannelType {
  const type = channel.type;
  return type.io === 'parameter' ? { io: 'parameter', parameterType: type.parameterType } : type;
}
