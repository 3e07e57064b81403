import type { ProtoValue } from '../../api/kfp-types';

export interface ParameterRow {
  name: string;
  /** One per run, as shown; undefined where the run did not set it (its default applies). */
  values: (string | undefined)[];
  differs: boolean;
}

/** A parameter value as text: strings as they are, everything else as compact JSON. */
export function formatParameter(value: ProtoValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One row per parameter name any run set, sorted by name; differing rows flagged. */
export function parameterRows(
  parameters: readonly (Record<string, ProtoValue> | undefined)[],
): ParameterRow[] {
  const names = [...new Set(parameters.flatMap((p) => Object.keys(p ?? {})))].sort();
  return names.map((name) => {
    const values = parameters.map((p) => formatParameter(p?.[name]));
    return { name, values, differs: new Set(values).size > 1 };
  });
}
