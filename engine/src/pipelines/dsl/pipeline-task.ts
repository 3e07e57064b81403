import { SkiffError } from '../../core/errors.js';
import type { ChannelType } from './channel.js';
import type { PipelineBuilder } from './pipeline-builder.js';
import { ArtifactListRef, ArtifactRef, ParamRef } from './refs.js';
import type {
  ComponentDefinition,
  OutputRefs,
  ResourceSettings,
  RetrySettings,
  TaskArgument,
} from './signature.js';

/**
 * One call of a component inside a pipeline: its arguments, its output refs and the
 * per-task settings KFP offers (`.after()`, caching, retries, env, resources).
 */
export class PipelineTask<Outputs extends OutputRefs = OutputRefs> {
  readonly outputs: Outputs;
  /** Tasks named in `.after(...)`. */
  readonly upstream: PipelineTask[] = [];
  caching = true;
  retry: RetrySettings | undefined;
  displayName: string | undefined;
  readonly env: Record<string, string> = {};
  resources: ResourceSettings | undefined;
  /** Set by `exitHandler(task, …)`: runs after the guarded group, whatever its outcome. */
  isExitTask = false;

  constructor(
    readonly owner: PipelineBuilder,
    readonly name: string,
    readonly component: ComponentDefinition,
    readonly args: ReadonlyMap<string, TaskArgument>,
    outputTypes: Readonly<Record<string, ChannelType>>,
  ) {
    const outputs: Record<string, ParamRef | ArtifactRef | ArtifactListRef> = {};
    for (const [key, type] of Object.entries(outputTypes)) {
      const channel = { source: 'task-output', task: this, key, type } as const;
      outputs[key] =
        type.io === 'parameter'
          ? new ParamRef(channel)
          : type.isList
            ? new ArtifactListRef(channel)
            : new ArtifactRef(channel);
    }
    this.outputs = guardUnknownOutputs(name, outputs) as Outputs;
  }

  /** Runs this task only after `tasks` finished, without passing data (KFP's `.after()`). */
  after(...tasks: PipelineTask[]): this {
    for (const task of tasks) {
      if (task.owner !== this.owner) {
        throw new SkiffError(
          'INVALID_ARGUMENT',
          `Task "${this.name}" cannot run after "${task.name}": they belong to different pipelines.`,
        );
      }
      if (task === this) {
        throw new SkiffError('INVALID_ARGUMENT', `Task "${this.name}" cannot run after itself.`);
      }
      if (!this.upstream.includes(task)) this.upstream.push(task);
    }
    return this;
  }

  /** Caching is on by default; off compiles to `cachingOptions: {}` as in KFP. */
  setCaching(enabled: boolean): this {
    this.caching = enabled;
    return this;
  }

  setRetry(retry: RetrySettings): this {
    if (!Number.isInteger(retry.maxRetries) || retry.maxRetries < 0) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Task "${this.name}": maxRetries must be a whole number ≥ 0, got ${retry.maxRetries}.`,
      );
    }
    this.retry = retry;
    return this;
  }

  /** The name shown in the UI (`taskInfo.name`); the task key stays `this.name`. */
  setDisplayName(displayName: string): this {
    this.displayName = displayName;
    return this;
  }

  setEnv(name: string, value: string): this {
    this.requireContainer('setEnv');
    this.env[name] = value;
    return this;
  }

  /** Merged over the component's own resources. */
  setResources(resources: ResourceSettings): this {
    this.requireContainer('setResources');
    this.resources = { ...this.resources, ...resources };
    return this;
  }

  private requireContainer(method: string): void {
    if (this.component.kind !== 'container') {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `${method}() applies to container tasks; "${this.name}" runs the pipeline "${this.component.name}". ` +
          'Set it on the tasks inside that pipeline.',
      );
    }
  }
}

/** Names tools probe on any object (promises, JSON, test matchers); never outputs. */
const PROBED = new Set(['then', 'toJSON', 'asymmetricMatch', 'constructor', 'nodeType', 'tagName']);

/** Reading an output the component doesn't have fails at once, naming the ones it has. */
function guardUnknownOutputs<T extends object>(task: string, outputs: T): T {
  return new Proxy(outputs, {
    get(target, key, receiver) {
      if (
        typeof key === 'string' &&
        !(key in target) &&
        !PROBED.has(key) &&
        /^[A-Za-z_]/.test(key)
      ) {
        const known = Object.keys(target).join(', ') || 'none';
        throw new SkiffError(
          'INVALID_ARGUMENT',
          `Task "${task}" has no output "${key}" (outputs: ${known}).`,
        );
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
