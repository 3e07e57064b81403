import type { ParameterSpec, PipelineSpec, ProtoValue } from '../../api/kfp-types';

export type FieldKind = 'integer' | 'number' | 'boolean' | 'string' | 'json';

/** One input of the Create run form, from `root.inputDefinitions.parameters`. */
export interface FormField {
  name: string;
  kind: FieldKind;
  /** KFP's type name, shown next to the field. */
  typeName: string;
  optional: boolean;
  description: string;
  /** The text in the control (for booleans, 'true' or 'false'). */
  initial: string;
}

function kindOf(type: string | undefined): FieldKind {
  switch (type) {
    case 'NUMBER_INTEGER':
      return 'integer';
    case 'NUMBER_DOUBLE':
      return 'number';
    case 'BOOLEAN':
      return 'boolean';
    case 'LIST':
    case 'STRUCT':
      return 'json';
    default:
      return 'string';
  }
}

/** The text a control shows for a value (a default, or a cloned run's parameter). */
export function textForValue(kind: FieldKind, value: ProtoValue | undefined): string {
  if (value === undefined || value === null) return kind === 'boolean' ? 'false' : '';
  if (kind === 'json' || typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}

/**
 * The PipelineSpec itself: KFP wraps it as `{pipeline_spec, platform_spec}` when the
 * pipeline has a platform spec.
 */
export function unwrapSpec(spec: PipelineSpec | undefined): PipelineSpec | undefined {
  if (!spec || spec.root) return spec;
  const inner = spec['pipeline_spec'];
  return typeof inner === 'object' && inner !== null ? (inner as PipelineSpec) : spec;
}

/** The form's fields for a pipeline spec, in the spec's order. */
export function formFields(spec: PipelineSpec | undefined): FormField[] {
  const params: Record<string, ParameterSpec> =
    unwrapSpec(spec)?.root?.inputDefinitions?.parameters ?? {};
  return Object.entries(params).map(([name, p]) => {
    const kind = kindOf(p.parameterType);
    return {
      name,
      kind,
      typeName: p.parameterType ?? 'STRING',
      optional: p.isOptional === true || p.defaultValue !== undefined,
      description: p.description ?? '',
      initial: textForValue(kind, p.defaultValue),
    };
  });
}

export type Coerced = { ok: true; value: ProtoValue | undefined } | { ok: false; error: string };

/** The typed value of one field's text, or a message naming the field. */
export function coerceField(field: FormField, text: string): Coerced {
  const trimmed = text.trim();
  if (field.kind !== 'boolean' && field.kind !== 'string' && trimmed === '') {
    return field.optional
      ? { ok: true, value: undefined }
      : { ok: false, error: `${field.name} is required.` };
  }
  switch (field.kind) {
    case 'boolean':
      return { ok: true, value: text === 'true' };
    case 'string':
      if (text === '' && !field.optional) return { ok: false, error: `${field.name} is required.` };
      return { ok: true, value: text === '' ? undefined : text };
    case 'integer': {
      const n = Number(trimmed);
      return Number.isInteger(n)
        ? { ok: true, value: n }
        : { ok: false, error: `${field.name} must be a whole number.` };
    }
    case 'number': {
      const n = Number(trimmed);
      return Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, error: `${field.name} must be a number.` };
    }
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch {
        return { ok: false, error: `${field.name} must be valid JSON.` };
      }
      const isList = Array.isArray(value);
      const isStruct = typeof value === 'object' && value !== null && !isList;
      if (field.typeName === 'LIST' && !isList)
        return { ok: false, error: `${field.name} must be a JSON list, like [1, 2].` };
      if (field.typeName === 'STRUCT' && !isStruct)
        return { ok: false, error: `${field.name} must be a JSON object, like {"a": 1}.` };
      return { ok: true, value: value as ProtoValue };
    }
  }
}

/** All parameters, or the errors by field name when any value is wrong. */
export function collectParameters(
  fields: FormField[],
  values: Record<string, string>,
): { parameters: Record<string, ProtoValue>; errors: Record<string, string> } {
  const parameters: Record<string, ProtoValue> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const result = coerceField(field, values[field.name] ?? field.initial);
    if (!result.ok) errors[field.name] = result.error;
    else if (result.value !== undefined) parameters[field.name] = result.value;
  }
  return { parameters, errors };
}
