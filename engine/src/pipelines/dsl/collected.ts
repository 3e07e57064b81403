import { SkiffError } from '../../core/errors.js';
import type { ArtifactSchema } from './artifact.js';
import { describeChannel, type CollectedChannel } from './channel.js';
import { ArtifactListRef, ArtifactRef, ParamRef, type ListOf, type ValueType } from './refs.js';

/**
 * Fan-in (KFP's `dsl.Collected`): every iteration's value of an output produced inside a
 * `forEach`, as a list for a task after the loop. Parameters become a LIST, artifacts a
 * list of artifacts. The loop's sub-DAG re-exports the output (`pipelinechannel--<task>-<out>`).
 */
export function collected<V extends ValueType>(output: ParamRef<V>): ParamRef<ListOf<V>>;
export function collected<S extends ArtifactSchema>(output: ArtifactRef<S>): ArtifactListRef<S>;
export function collected(output: ParamRef | ArtifactRef): ParamRef | ArtifactListRef {
  const channel = output.channel;
  if (
    channel.source !== 'task-output' ||
    (output instanceof ParamRef && output.selector !== undefined)
  ) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `collected() gathers a task output produced inside forEach(); ${describeChannel(channel)} is not a task output.`,
    );
  }
  if (output instanceof ParamRef) {
    const list: CollectedChannel = {
      source: 'collected',
      of: channel,
      type: { io: 'parameter', parameterType: 'LIST' },
    };
    return new ParamRef(list);
  }
  if (channel.type.io !== 'artifact') {
    throw new SkiffError('INTERNAL', `${describeChannel(channel)} is not an artifact.`);
  }
  const list: CollectedChannel = {
    source: 'collected',
    of: channel,
    type: { io: 'artifact', schemaTitle: channel.type.schemaTitle, isList: true },
  };
  return new ArtifactListRef(list);
}
