/**
 * `{{$.inputs.parameters['x']}}` inside a value rather than a command: constants built
 * from f-strings and importer metadata. A value that is exactly one reference takes the
 * referenced value with its type; inside text, non-strings are JSON-dumped.
 */
import { SkiffError } from '../../core/errors.js';
import type { ProtoValue } from '../ir/pipeline-spec.js';

const REFERENCE = /\{\{\$\.inputs\.parameters\[(['"])([^'"\]]+)\1\]\}\}/g;
const WHOLE = new RegExp(`^${REFERENCE.source}$`);

export function hasParameterReference(text: string): boolean {
  return new RegExp(REFERENCE.source).test(text);
}

/** Expands references in `template`; `what` names the value in the error for a missing one. */
export function expandParameterReferences(
  template: string,
  parameters: Readonly<Record<string, ProtoValue>>,
  what: string,
): ProtoValue {
  const valueOf = (name: string): ProtoValue => {
    const value = parameters[name];
    if (value === undefined) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `${what} refers to input parameter "${name}", which has no value.`,
      );
    }
    return value;
  };
  const whole = WHOLE.exec(template)?.[2];
  if (whole !== undefined) return valueOf(whole);
  return template.replace(REFERENCE, (_match, _quote, name: string) => textOf(valueOf(name)));
}

/** Expands references in every string (keys too) of a JSON value, e.g. importer metadata. */
export function expandReferencesDeep(
  value: ProtoValue,
  parameters: Readonly<Record<string, ProtoValue>>,
  what: string,
): ProtoValue {
  if (typeof value === 'string') return expandParameterReferences(value, parameters, what);
  if (Array.isArray(value))
    return value.map((item) => expandReferencesDeep(item, parameters, what));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [
      textOf(expandParameterReferences(key, parameters, what)),
      expandReferencesDeep(item, parameters, what),
    ]);
    return Object.fromEntries(entries) as Record<string, ProtoValue>;
  }
  return value;
}

/** How a parameter value appears inside text: strings as they are, anything else as JSON. */
export function textOf(value: ProtoValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
