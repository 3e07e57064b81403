import { SkiffError } from '../../core/errors.js';
import type { ArtifactDecl } from './artifact.js';
import { channelOwner, type Channel, type ChannelType } from './channel.js';
import { compilePipeline } from './compiler/compile-pipeline.js';
import type { ParameterDecl } from './parameter.js';
import { PipelineBuilder, withBuilder } from './pipeline-builder.js';
import { PipelineTask } from './pipeline-task.js';
import { ArtifactListRef, ArtifactRef, ParamRef } from './refs.js';
import type {
  CallArguments,
  CompiledPipeline,
  Empty,
  OutputRefs,
  PipelineDefinition,
  RefsFor,
} from './signature.js';
import { createTask } from './task-factory.js';

/**
 * A pipeline (KFP's `@dsl.pipeline`): a typed signature and a body that calls components.
 * The body may return outputs; calling the pipeline inside another one nests it.
 *
 *   export default pipeline({ name: 'iris', inputs: { lr: param.double({ default: 0.1 }) } },
 *     ({ inputs }) => { train({ lr: inputs.lr }); });
 */

export type PipelineInputDecls = Record<string, ParameterDecl | ArtifactDecl>;

export interface PipelineOptions<I extends PipelineInputDecls> {
  /** Lower-case letters, digits and dashes, as KFP requires (`pipelineInfo.name`). */
  readonly name: string;
  readonly description?: string;
  readonly displayName?: string;
  readonly inputs?: I;
}

export interface Pipeline<I extends PipelineInputDecls, O extends OutputRefs> {
  (...args: CallArguments<I>): PipelineTask<O>;
  readonly definition: PipelineDefinition;
}

const PIPELINE_NAME = /^[a-z0-9][a-z0-9-]{0,127}$/;

export interface PipelineContext<I extends PipelineInputDecls> {
  readonly inputs: RefsFor<I>;
}

/** A pipeline whose body returns its outputs: `return { model: train.outputs.model }`. */
export function pipeline<I extends PipelineInputDecls = Empty, O extends OutputRefs = Empty>(
  options: PipelineOptions<I>,
  body: (context: PipelineContext<I>) => O,
): Pipeline<I, O>;
/** A pipeline without outputs. */
export function pipeline<I extends PipelineInputDecls = Empty>(
  options: PipelineOptions<I>,
  body: (context: PipelineContext<I>) => void,
): Pipeline<I, Empty>;
export function pipeline<I extends PipelineInputDecls, O extends OutputRefs>(
  options: PipelineOptions<I>,
  body: (context: PipelineContext<I>) => unknown,
): Pipeline<I, O> {
  if (!PIPELINE_NAME.test(options.name)) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `Pipeline name "${options.name}" is not valid: use lower-case letters, digits and dashes, ` +
        'starting with a letter or digit (at most 128 characters).',
    );
  }
  const inputs = options.inputs ?? ({} as I);
  let compiled: CompiledPipeline | undefined;
  let compiling = false;
  const definition: PipelineDefinition = {
    kind: 'pipeline',
    name: options.name,
    inputs,
    ...(options.description !== undefined ? { description: options.description } : {}),
    compile(): CompiledPipeline {
      if (compiled !== undefined) return compiled;
      if (compiling) {
        throw new SkiffError('INVALID_ARGUMENT', `Pipeline "${options.name}" calls itself.`);
      }
      compiling = true;
      try {
        const builder = new PipelineBuilder(options.name);
        const refs = inputRefs(builder, inputs);
        const returned = withBuilder(builder, () => body({ inputs: refs as RefsFor<I> }));
        compiled = compilePipeline({
          builder,
          name: options.name,
          inputs,
          outputs: outputChannels(builder, returned),
          ...(options.description !== undefined ? { description: options.description } : {}),
          ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
        });
        return compiled;
      } finally {
        compiling = false;
      }
    },
  };
  const call = (...args: CallArguments<I>): PipelineTask<O> =>
    createTask<O>(definition, args[0], definition.compile().outputTypes);
  return Object.assign(call, { definition });
}

function inputRefs(builder: PipelineBuilder, inputs: PipelineInputDecls): OutputRefs {
  const refs: OutputRefs = {};
  for (const [name, decl] of Object.entries(inputs)) {
    const type: ChannelType =
      decl.decl === 'artifact'
        ? { io: 'artifact', schemaTitle: decl.schemaTitle, isList: decl.isList }
        : {
            io: 'parameter',
            parameterType: decl.type,
            ...(decl.itemType !== undefined ? { itemType: decl.itemType } : {}),
          };
    const channel = { source: 'pipeline-input', owner: builder, name, type } as const;
    refs[name] =
      type.io === 'parameter'
        ? new ParamRef(channel)
        : type.isList
          ? new ArtifactListRef(channel)
          : new ArtifactRef(channel);
  }
  return refs;
}

function outputChannels(builder: PipelineBuilder, returned: unknown): Map<string, Channel> {
  const pipelineName = builder.pipelineName;
  const channels = new Map<string, Channel>();
  // `() => train(...)` returns the task by accident of syntax; it declares no outputs.
  if (returned === undefined || returned === null || returned instanceof PipelineTask) {
    return channels;
  }
  if (typeof returned !== 'object') {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `Pipeline "${pipelineName}" must return an object of outputs ({ model: t.outputs.model }) or nothing.`,
    );
  }
  for (const [name, ref] of Object.entries(returned)) {
    const ok =
      ref instanceof ParamRef
        ? ref.selector === undefined
        : ref instanceof ArtifactRef || ref instanceof ArtifactListRef;
    if (!ok) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Pipeline "${pipelineName}" output "${name}" must be a task output or collected(...) loop output.`,
      );
    }
    const channel = (ref as ParamRef | ArtifactRef | ArtifactListRef).channel;
    if (channelOwner(channel) !== builder) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Pipeline "${pipelineName}" output "${name}" comes from another pipeline.`,
      );
    }
    channels.set(name, channel);
  }
  return channels;
}
