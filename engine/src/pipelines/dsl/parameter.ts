import type { ParameterType, ProtoValue } from '../ir/pipeline-spec.js';

/**
 * Parameter declarations for component and pipeline signatures: `param.double({ default: 0.1 })`.
 * The TypeScript value type rides along so wiring a string into a number input fails to compile.
 */

export type JsonObject = { [key: string]: ProtoValue };

/** The friendly names used in `param.list({ items: 'int' })`. */
export interface ParameterValues {
  string: string;
  int: number;
  double: number;
  bool: boolean;
  list: ProtoValue[];
  struct: JsonObject;
}
export type ParameterKind = keyof ParameterValues;

export const IR_PARAMETER_TYPES = {
  string: 'STRING',
  int: 'NUMBER_INTEGER',
  double: 'NUMBER_DOUBLE',
  bool: 'BOOLEAN',
  list: 'LIST',
  struct: 'STRUCT',
} as const satisfies Record<ParameterKind, ParameterType>;

export type PrimitiveParameterType = (typeof IR_PARAMETER_TYPES)[ParameterKind];

export interface ParameterDecl<V extends ProtoValue = ProtoValue, Opt extends boolean = boolean> {
  readonly decl: 'parameter';
  readonly type: PrimitiveParameterType;
  readonly optional: Opt;
  readonly default?: V;
  readonly description?: string;
  /** For LIST parameters: the IR type of each item, used when a loop iterates over it. */
  readonly itemType?: PrimitiveParameterType;
  /** Phantom: the TypeScript type of the value (never set at run time). */
  readonly valueType?: V;
}

/** The `PipelineTaskFinalStatus` input of an exit task; the compiler fills it, callers don't. */
export interface FinalStatusDecl {
  readonly decl: 'final-status';
  readonly optional: true;
  readonly description?: string;
}

export interface ParameterOptions<V> {
  readonly default?: V;
  readonly optional?: boolean;
  readonly description?: string;
}

/** True when the option object makes the input optional: a default or `optional: true`. */
export type IsOptional<O> = O extends { default: unknown }
  ? true
  : O extends { optional: true }
    ? true
    : false;

type NoOptions = Readonly<Record<string, never>>;

function declare<V extends ProtoValue, O>(
  type: PrimitiveParameterType,
  options: ParameterOptions<V> | undefined,
  itemType?: PrimitiveParameterType,
): ParameterDecl<V, IsOptional<O>> {
  const optional = options?.default !== undefined || options?.optional === true;
  return {
    decl: 'parameter',
    type,
    optional: optional as IsOptional<O>,
    ...(options?.default !== undefined ? { default: options.default } : {}),
    ...(options?.description !== undefined ? { description: options.description } : {}),
    ...(itemType !== undefined ? { itemType } : {}),
  };
}

export interface ListOptions<K extends ParameterKind> extends ParameterOptions<
  ParameterValues[K][]
> {
  /** The type of each item; without it the list is untyped (KFP's bare `list`). */
  readonly items?: K;
}

/** `ProtoValue[]` for an untyped list, `number[]` for `items: 'int'`, … */
type ListValue<O> = O extends { items: infer K extends ParameterKind }
  ? ParameterValues[K][]
  : ProtoValue[];

export const param = {
  string: <const O extends ParameterOptions<string> = NoOptions>(options?: O) =>
    declare<string, O>('STRING', options),
  int: <const O extends ParameterOptions<number> = NoOptions>(options?: O) =>
    declare<number, O>('NUMBER_INTEGER', options),
  double: <const O extends ParameterOptions<number> = NoOptions>(options?: O) =>
    declare<number, O>('NUMBER_DOUBLE', options),
  bool: <const O extends ParameterOptions<boolean> = NoOptions>(options?: O) =>
    declare<boolean, O>('BOOLEAN', options),
  struct: <const O extends ParameterOptions<JsonObject> = NoOptions>(options?: O) =>
    declare<JsonObject, O>('STRUCT', options),
  list: <K extends ParameterKind, const O extends ListOptions<K> = NoOptions>(
    options?: O & ListOptions<K>,
  ) =>
    declare<ListValue<O>, O>(
      'LIST',
      options as ParameterOptions<ListValue<O>> | undefined,
      IR_PARAMETER_TYPES[options?.items ?? 'string'],
    ),
  /** The exit task's view of how the guarded tasks ended (`dsl.PipelineTaskFinalStatus`). */
  finalStatus: (options?: { description?: string }): FinalStatusDecl => ({
    decl: 'final-status',
    optional: true,
    ...(options?.description !== undefined ? { description: options.description } : {}),
  }),
};
