import { SkiffError } from '../../core/errors.js';
import type { ProtoValue } from '../ir/pipeline-spec.js';
import type { ArtifactSchema } from './artifact.js';
import { describeChannel, describeValue, type Channel } from './channel.js';
import { Condition, type ComparisonOperator, type Operand } from './condition.js';
import type { JsonObject } from './parameter.js';

/**
 * What pipeline code holds in its hands: typed references to run-time values. A
 * `ParamRef<number>` fits a number input, an `ArtifactRef<'system.Model'>` a Model input.
 */

type Primitive = string | number | boolean;

declare const untypedBrand: unique symbol;
/**
 * The value type of an item of an untyped list (or a field of an untyped struct). KFP
 * lets such a value feed any parameter; so does the DSL, and checks it at run time.
 */
export interface Untyped {
  readonly [untypedBrand]: true;
}
export type ValueType = ProtoValue | Untyped;

/** A struct field's type; fields of untyped structs are untyped. */
export type FieldValue<V, K extends PropertyKey> = V extends JsonObject
  ? string extends keyof V
    ? Untyped
    : K extends keyof V
      ? Exclude<V[K], undefined>
      : never
  : Untyped;

type Ordered = string | number;
type Widen<P> = P extends string
  ? string
  : P extends number
    ? number
    : P extends boolean
      ? boolean
      : P;

/** What a value may be compared with: its own type, or anything for untyped values. */
type Comparable<P> = [P] extends [Untyped]
  ? Primitive | ParamRef<Primitive> | ParamRef<Untyped>
  : Widen<P> | ParamRef<Extract<Widen<P>, Primitive>> | ParamRef<Untyped>;

type FieldKey<S> = S extends JsonObject
  ? string extends keyof S
    ? string
    : keyof S & string
  : string;

/** The list of a value type, as `collected(...)` makes it. */
export type ListOf<V extends ValueType> = V extends ProtoValue ? V[] : ProtoValue[];

export class ParamRef<V extends ValueType = ValueType> {
  /** Phantom: the TypeScript type of the value. */
  declare readonly valueType: V;

  constructor(
    readonly channel: Channel,
    /** A CEL selector over the value, e.g. `parseJson(string_value)["a"]` for `item.field('a')`. */
    readonly selector?: string,
  ) {}

  eq<P extends Primitive>(this: ParamRef<P>, other: Comparable<P>): Condition;
  eq(this: ParamRef<Untyped>, other: Comparable<Untyped>): Condition;
  eq(other: unknown): Condition {
    return compare(this, '==', other);
  }
  ne<P extends Primitive>(this: ParamRef<P>, other: Comparable<P>): Condition;
  ne(this: ParamRef<Untyped>, other: Comparable<Untyped>): Condition;
  ne(other: unknown): Condition {
    return compare(this, '!=', other);
  }
  lt<P extends Ordered>(this: ParamRef<P>, other: Comparable<P>): Condition;
  lt(this: ParamRef<Untyped>, other: Comparable<Untyped>): Condition;
  lt(other: unknown): Condition {
    return compare(this, '<', other);
  }
  le<P extends Ordered>(this: ParamRef<P>, other: Comparable<P>): Condition;
  le(this: ParamRef<Untyped>, other: Comparable<Untyped>): Condition;
  le(other: unknown): Condition {
    return compare(this, '<=', other);
  }
  gt<P extends Ordered>(this: ParamRef<P>, other: Comparable<P>): Condition;
  gt(this: ParamRef<Untyped>, other: Comparable<Untyped>): Condition;
  gt(other: unknown): Condition {
    return compare(this, '>', other);
  }
  ge<P extends Ordered>(this: ParamRef<P>, other: Comparable<P>): Condition;
  ge(this: ParamRef<Untyped>, other: Comparable<Untyped>): Condition;
  ge(other: unknown): Condition {
    return compare(this, '>=', other);
  }

  /** One field of a struct loop item: `item.field('lr')` (KFP's `item.lr`). */
  field<S extends JsonObject | Untyped, K extends FieldKey<S>>(
    this: ParamRef<S>,
    key: K,
  ): ParamRef<FieldValue<S, K>> {
    if (this.channel.source !== 'loop-item' || this.selector !== undefined) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `field("${key}") reads a field of a loop item, but ${describeChannel(this.channel)} is not one. ` +
          'Pass the whole struct and read the field inside the component instead.',
      );
    }
    return new ParamRef(this.channel, `parseJson(string_value)["${key}"]`);
  }
}

export class ArtifactRef<S extends ArtifactSchema = ArtifactSchema> {
  /** Phantom: the artifact's schema title. */
  declare readonly schemaTitle: S;
  constructor(readonly channel: Channel) {}
}

/** A list of artifacts: the `collected(...)` outputs of a loop. */
export class ArtifactListRef<S extends ArtifactSchema = ArtifactSchema> {
  /** Phantom: the schema title of each artifact. */
  declare readonly itemSchemaTitle: S;
  constructor(readonly channel: Channel) {}
}

export type AnyRef = ParamRef | ArtifactRef | ArtifactListRef;

function operand(value: unknown): Operand {
  if (value instanceof ParamRef) {
    if (value.selector !== undefined) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        'A condition cannot compare a field of a loop item (KFP does not support it). ' +
          'Loop over a list of plain values, or compare inside the component.',
      );
    }
    return { kind: 'channel', channel: value.channel };
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return { kind: 'literal', value };
  }
  throw new SkiffError(
    'INVALID_ARGUMENT',
    `A condition compares strings, numbers or booleans; got ${describeValue(value)}.`,
  );
}

function compare(left: ParamRef, operator: ComparisonOperator, right: unknown): Condition {
  return new Condition({ kind: 'compare', operator, left: operand(left), right: operand(right) });
}
