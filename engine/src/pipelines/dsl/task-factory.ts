import { SkiffError } from '../../core/errors.js';
import type { ProtoValue } from '../ir/pipeline-spec.js';
import {
  checkReadable,
  describeChannel,
  describeType,
  describeValue,
  type ChannelType,
} from './channel.js';
import { FormattedString } from './fstring.js';
import { activeBuilder, sanitizeName } from './pipeline-builder.js';
import { PipelineTask } from './pipeline-task.js';
import { ArtifactListRef, ArtifactRef, ParamRef } from './refs.js';
import type { ComponentDefinition, InputDecl, OutputRefs, TaskArgument } from './signature.js';

/**
 * Turns a component call into a task of the pipeline being defined, checking each argument
 * against the component's inputs the way `kfp.dsl` does (types, required inputs, origin).
 */
export function createTask<Outputs extends OutputRefs>(
  component: ComponentDefinition,
  args: Readonly<Record<string, unknown>> | undefined,
  outputTypes: Readonly<Record<string, ChannelType>>,
): PipelineTask<Outputs> {
  const builder = activeBuilder(`Component "${component.name}"`);
  const where = `Component "${component.name}"`;
  const resolved = new Map<string, TaskArgument>();
  for (const [name, value] of Object.entries(args ?? {})) {
    if (value === undefined) continue;
    const decl = component.inputs[name];
    if (decl === undefined) {
      const known = Object.keys(component.inputs).join(', ') || 'none';
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `${where} has no input "${name}" (inputs: ${known}).`,
      );
    }
    const argument = toArgument(`${where}, input "${name}"`, decl, value);
    const channels =
      argument.kind === 'channel'
        ? [argument.channel]
        : argument.kind === 'format'
          ? argument.channels
          : [];
    for (const channel of channels) checkReadable(builder, channel, `${where}, input "${name}"`);
    resolved.set(name, argument);
  }
  for (const [name, decl] of Object.entries(component.inputs)) {
    if (!decl.optional && !resolved.has(name)) {
      throw new SkiffError('INVALID_ARGUMENT', `${where} needs a value for input "${name}".`);
    }
  }
  const task = new PipelineTask<Outputs>(
    builder,
    builder.uniqueTaskName(sanitizeName(component.name)),
    component,
    resolved,
    outputTypes,
  );
  builder.addTask(task);
  return task;
}

function toArgument(where: string, decl: InputDecl, value: unknown): TaskArgument {
  if (decl.decl === 'final-status') {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `${where} is the task's final status; the compiler fills it in when the task is an exit task.`,
    );
  }
  if (decl.decl === 'artifact') {
    const expected: ChannelType = {
      io: 'artifact',
      schemaTitle: decl.schemaTitle,
      isList: decl.isList,
    };
    if (!(value instanceof ArtifactRef || value instanceof ArtifactListRef)) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `${where} takes an artifact (${describeType(expected)}), such as another task's output; ` +
          `got ${describeValue(value)}.`,
      );
    }
    checkCompatible(where, value.channel.type, expected);
    return { kind: 'channel', channel: value.channel };
  }
  const expected: ChannelType = { io: 'parameter', parameterType: decl.type };
  if (value instanceof ParamRef) {
    // Like KFP, an item of an untyped list (or a field of one) may feed any parameter.
    const untypedItem =
      value.channel.source === 'loop-item' &&
      (value.selector !== undefined ||
        (value.channel.type.io === 'parameter' && value.channel.type.parameterType === 'STRING'));
    if (!untypedItem) checkCompatible(where, value.channel.type, expected);
    return value.selector === undefined
      ? { kind: 'channel', channel: value.channel }
      : { kind: 'channel', channel: value.channel, selector: value.selector };
  }
  if (value instanceof FormattedString) {
    if (decl.type !== 'STRING') {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `${where} is ${decl.type}; an fstring only fits a STRING input.`,
      );
    }
    return { kind: 'format', parts: value.parts, channels: value.channels };
  }
  if (value instanceof ArtifactRef || value instanceof ArtifactListRef) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `${where} is a ${decl.type} parameter, but got ${describeChannel(value.channel)}, an artifact.`,
    );
  }
  checkConstant(where, decl.type, value);
  return { kind: 'constant', value: value as ProtoValue };
}

function checkCompatible(where: string, given: ChannelType, expected: ChannelType): void {
  let ok: boolean;
  if (given.io === 'parameter' && expected.io === 'parameter') {
    ok =
      given.parameterType === expected.parameterType ||
      (given.parameterType === 'NUMBER_INTEGER' && expected.parameterType === 'NUMBER_DOUBLE');
  } else if (given.io === 'artifact' && expected.io === 'artifact') {
    ok =
      given.isList === expected.isList &&
      (given.schemaTitle === expected.schemaTitle ||
        given.schemaTitle === 'system.Artifact' ||
        expected.schemaTitle === 'system.Artifact');
  } else {
    ok = false;
  }
  if (!ok) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `${where}: a ${describeType(given)} value cannot be passed to a ${describeType(expected)} input.`,
    );
  }
}

function checkConstant(where: string, type: string, value: unknown): void {
  const fits: Record<string, (v: unknown) => boolean> = {
    STRING: (v) => typeof v === 'string',
    NUMBER_INTEGER: (v) => Number.isSafeInteger(v),
    NUMBER_DOUBLE: (v) => typeof v === 'number' && Number.isFinite(v),
    BOOLEAN: (v) => typeof v === 'boolean',
    LIST: (v) => Array.isArray(v),
    STRUCT: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  };
  if (fits[type]?.(value) !== true) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `${where} is ${type}, but got ${describeValue(value)}.`,
    );
  }
}
