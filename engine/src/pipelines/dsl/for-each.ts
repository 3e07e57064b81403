import { SkiffError } from '../../core/errors.js';
import type { ProtoValue } from '../ir/pipeline-spec.js';
import {
  channelFullName,
  checkReadable,
  describeChannel,
  type Channel,
  type LoopItemChannel,
} from './channel.js';
import {
  IR_PARAMETER_TYPES,
  type ParameterKind,
  type PrimitiveParameterType,
} from './parameter.js';
import { activeBuilder } from './pipeline-builder.js';
import { ParamRef, type Untyped } from './refs.js';
import { TaskGroup, type LoopSpec } from './task-group.js';

/** Items of an untyped list are untyped. */
type ItemValue<T> = ProtoValue extends T ? Untyped : T;

export interface ForEachOptions {
  /** Concurrent iterations at most; 0 (default) means unlimited. */
  readonly parallelism?: number;
  /** The loop's display name (`taskInfo.name`). */
  readonly name?: string;
  /** The item type, when the list's declaration doesn't say (a list of lists). */
  readonly items?: ParameterKind;
}

/**
 * A parallel loop (KFP's `dsl.ParallelFor`) over a literal list or a LIST input/output:
 *
 *   forEach([0.01, 0.1], (lr) => { train({ lr }); }, { parallelism: 2 });
 *
 * The body becomes a `for-loop-N` sub-DAG run once per item. Use `collected(...)` outside
 * the loop to gather an output of every iteration.
 */
export function forEach<T extends ProtoValue>(
  items: readonly T[] | ParamRef<T[]>,
  body: (item: ParamRef<ItemValue<T>>) => void,
  options: ForEachOptions = {},
): void {
  const builder = activeBuilder('forEach()');
  const parallelism = options.parallelism ?? 0;
  if (!Number.isInteger(parallelism) || parallelism < 0) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `forEach() parallelism must be a whole number ≥ 0 (0 = unlimited), got ${parallelism}.`,
    );
  }
  let source: LoopSpec['source'];
  let itemName: string;
  let itemType: PrimitiveParameterType;
  if (items instanceof ParamRef) {
    const channel = checkIterable(items);
    checkReadable(builder, channel, 'forEach()');
    source = { channel };
    itemName = `${channelFullName(channel)}-loop-item`;
    const declared = channel.type.io === 'parameter' ? channel.type.itemType : undefined;
    itemType =
      options.items !== undefined ? IR_PARAMETER_TYPES[options.items] : (declared ?? 'STRING');
  } else {
    if (items.length === 0) {
      throw new SkiffError('INVALID_ARGUMENT', 'forEach() needs at least one item to loop over.');
    }
    source = { raw: [...items] };
    // KFP numbers the literal list's item before the loop itself.
    itemName = `loop-item-param-${builder.nextGroupId()}`;
    itemType = literalItemType(items);
  }
  const group = new TaskGroup(
    `for-loop-${builder.nextGroupId()}`,
    { kind: 'pipeline' },
    options.name,
  );
  const item: LoopItemChannel = {
    source: 'loop-item',
    owner: builder,
    name: itemName,
    loop: group,
    items: 'channel' in source ? source.channel : undefined,
    type: { io: 'parameter', parameterType: itemType },
  };
  group.detail = { kind: 'for-loop', loop: { item, source, parallelism } };
  builder.attach(group);
  builder.runInside(group, () => body(new ParamRef<ItemValue<T>>(item)));
}

function checkIterable(items: ParamRef): Channel {
  const channel = items.channel;
  const type = channel.type;
  if (items.selector !== undefined || channel.source === 'collected') {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `forEach() cannot iterate over ${describeChannel(channel)}${items.selector !== undefined ? ' field' : ''}; ` +
        'iterate over a pipeline input, a task output or a literal list.',
    );
  }
  if (type.io !== 'parameter' || type.parameterType !== 'LIST') {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `forEach() iterates over a LIST, but ${describeChannel(channel)} is not one.`,
    );
  }
  return channel;
}

/** KFP types a literal list by its first item; whole numbers count as integers. */
function literalItemType(items: readonly ProtoValue[]): PrimitiveParameterType {
  const first = items[0];
  if (typeof first === 'string') return 'STRING';
  if (typeof first === 'boolean') return 'BOOLEAN';
  if (typeof first === 'number') {
    return items.every((item) => Number.isInteger(item)) ? 'NUMBER_INTEGER' : 'NUMBER_DOUBLE';
  }
  if (Array.isArray(first)) return 'LIST';
  if (first !== null && first !== undefined) return 'STRUCT';
  throw new SkiffError('INVALID_ARGUMENT', 'forEach() items cannot be null.');
}
