import type { PipelineSpec, ProtoValue } from '../ir/pipeline-spec.js';
import type { ArtifactDecl, ArtifactSchema } from './artifact.js';
import type { Channel, ChannelType } from './channel.js';
import type { FormattedString } from './fstring.js';
import type { FinalStatusDecl, ParameterDecl } from './parameter.js';
import type { ArtifactListRef, ArtifactRef, ParamRef, Untyped } from './refs.js';

/**
 * Component signatures and what they mean for callers: which arguments a call needs, which
 * refs its task returns. Container components and pipelines share this shape, so a pipeline
 * can be called like any component (a nested pipeline).
 */

export type InputDecl = ParameterDecl | ArtifactDecl | FinalStatusDecl;
export type OutputDecl = ParameterDecl | ArtifactDecl;
export type InputDecls = Record<string, InputDecl>;
export type OutputDecls = Record<string, OutputDecl>;
export type OutputRefs = Record<string, ParamRef | ArtifactRef | ArtifactListRef>;

/** Artifact inputs typed `Artifact` take any artifact; others take their own type or `Artifact`. */
type Accepted<S extends ArtifactSchema> = S extends 'system.Artifact'
  ? ArtifactSchema
  : S | 'system.Artifact';

export type ArgumentFor<D> =
  D extends ParameterDecl<infer V>
    ? V | ParamRef<V> | ParamRef<Untyped> | (string extends V ? FormattedString : never)
    : D extends ArtifactDecl<infer S, boolean, infer L>
      ? L extends true
        ? ArtifactListRef<Accepted<S>>
        : ArtifactRef<Accepted<S>>
      : never;

export type RefFor<D> =
  D extends ParameterDecl<infer V>
    ? ParamRef<V>
    : D extends ArtifactDecl<infer S, boolean, infer L>
      ? L extends true
        ? ArtifactListRef<S>
        : ArtifactRef<S>
      : never;

type PassableKeys<I> = { [K in keyof I]: I[K] extends FinalStatusDecl ? never : K }[keyof I];
type RequiredKeys<I> = {
  [K in PassableKeys<I>]: I[K] extends { optional: true } ? never : K;
}[PassableKeys<I>];

export type TaskArguments<I> = { [K in RequiredKeys<I>]: ArgumentFor<I[K]> } & {
  [K in Exclude<PassableKeys<I>, RequiredKeys<I>>]?: ArgumentFor<I[K]>;
};

/** A call may omit the argument object when nothing is required. */
export type CallArguments<I> = [RequiredKeys<I>] extends [never]
  ? [args?: TaskArguments<I>]
  : [args: TaskArguments<I>];

export type RefsFor<O> = { [K in keyof O]: RefFor<O[K]> };

/** No inputs or outputs. */
export type Empty = Readonly<Record<string, never>>;

export interface ResourceSettings {
  /** `'2'`, `'500m'`. */
  readonly cpuLimit?: string;
  readonly cpuRequest?: string;
  /** `'4G'`, `'512Mi'`. */
  readonly memoryLimit?: string;
  readonly memoryRequest?: string;
  readonly accelerator?: { readonly type: string; readonly count: number };
}

export interface RetrySettings {
  readonly maxRetries: number;
  /** Seconds, or `'30s'`, `'5m'`, `'1h'`. Default 0. */
  readonly backoffDuration?: number | string;
  /** Default 2. */
  readonly backoffFactor?: number;
  /** Capped at one hour, as KFP does. */
  readonly backoffMaxDuration?: number | string;
}

export interface ContainerDefinition {
  readonly kind: 'container';
  readonly name: string;
  readonly description?: string;
  readonly inputs: InputDecls;
  readonly outputs: OutputDecls;
  readonly image: string;
  readonly command: readonly string[];
  readonly args?: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly resources?: ResourceSettings;
}

/** A pipeline compiled on its own, ready to be folded into an outer pipeline. */
export interface CompiledPipeline {
  readonly spec: PipelineSpec;
  readonly outputTypes: Readonly<Record<string, ChannelType>>;
}

export interface PipelineDefinition {
  readonly kind: 'pipeline';
  readonly name: string;
  readonly description?: string;
  readonly inputs: InputDecls;
  compile(): CompiledPipeline;
}

export type ComponentDefinition = ContainerDefinition | PipelineDefinition;

export type TaskArgument =
  | { readonly kind: 'constant'; readonly value: ProtoValue }
  | { readonly kind: 'channel'; readonly channel: Channel; readonly selector?: string }
  | {
      readonly kind: 'format';
      readonly parts: readonly string[];
      readonly channels: readonly Channel[];
    };
