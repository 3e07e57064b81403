import { SkiffError } from '../../core/errors.js';
import type { ChannelType } from './channel.js';
import { commandContext, type CommandContext } from './placeholders.js';
import type { PipelineTask } from './pipeline-task.js';
import type {
  CallArguments,
  ContainerDefinition,
  Empty,
  InputDecls,
  OutputDecls,
  RefsFor,
  ResourceSettings,
} from './signature.js';
import { createTask } from './task-factory.js';

/**
 * A container component (KFP's `@dsl.container_component`): an image, a command written
 * with typed placeholders, and a typed signature. Calling it inside a pipeline adds a task.
 */

export interface ContainerComponentOptions<I extends InputDecls, O extends OutputDecls> {
  /** Becomes the task name (`train`, `train-2`, …) and `comp-<name>` / `exec-<name>`. */
  readonly name: string;
  readonly description?: string;
  readonly image: string;
  readonly inputs?: I;
  readonly outputs?: O;
  readonly command: (context: CommandContext<I, O>) => readonly string[];
  readonly args?: (context: CommandContext<I, O>) => readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly resources?: ResourceSettings;
}

export interface ContainerComponent<I extends InputDecls, O extends OutputDecls> {
  (...args: CallArguments<I>): PipelineTask<RefsFor<O>>;
  readonly definition: ContainerDefinition;
}

export function containerComponent<I extends InputDecls = Empty, O extends OutputDecls = Empty>(
  options: ContainerComponentOptions<I, O>,
): ContainerComponent<I, O> {
  const inputs = options.inputs ?? ({} as I);
  const outputs = options.outputs ?? ({} as O);
  for (const name of Object.keys(outputs)) {
    if (name in inputs) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Component "${options.name}" uses the name "${name}" for both an input and an output.`,
      );
    }
  }
  if (options.image.trim() === '') {
    throw new SkiffError('INVALID_ARGUMENT', `Component "${options.name}" needs an image.`);
  }
  const context = commandContext(inputs, outputs);
  const definition: ContainerDefinition = {
    kind: 'container',
    name: options.name,
    inputs,
    outputs,
    image: options.image,
    command: [...options.command(context)],
    env: { ...options.env },
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.args !== undefined ? { args: [...options.args(context)] } : {}),
    ...(options.resources !== undefined ? { resources: options.resources } : {}),
  };
  const outputTypes: Record<string, ChannelType> = {};
  for (const [name, decl] of Object.entries(outputs)) {
    outputTypes[name] =
      decl.decl === 'artifact'
        ? { io: 'artifact', schemaTitle: decl.schemaTitle, isList: decl.isList }
        : {
            io: 'parameter',
            parameterType: decl.type,
            ...(decl.itemType !== undefined ? { itemType: decl.itemType } : {}),
          };
  }
  const call = (...args: CallArguments<I>): PipelineTask<RefsFor<O>> =>
    createTask<RefsFor<O>>(definition, args[0], outputTypes);
  return Object.assign(call, { definition });
}
