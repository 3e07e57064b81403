import type { ProtoValue } from '../ir/pipeline-spec.js';

/**
 * JSON text as Python's `json.dumps` writes it (`", "` and `": "` separators, non-ASCII
 * escaped), which is how KFP spells literal loop items (`raw: '[1, 2, 3]'`) and structured
 * placeholders (`{"Concat": [...]}`). Matching it keeps compiled files identical to KFP's.
 */
export function pythonJson(value: ProtoValue, options: { sortKeys?: boolean } = {}): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return asciiOnly(JSON.stringify(value));
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) {
    return `[${value.map((item) => pythonJson(item, options)).join(', ')}]`;
  }
  const keys = Object.keys(value);
  if (options.sortKeys === true) keys.sort();
  const entries = keys.map(
    (key) => `${asciiOnly(JSON.stringify(key))}: ${pythonJson(value[key] ?? null, options)}`,
  );
  return `{${entries.join(', ')}}`;
}

function pythonNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return String(value);
}

function asciiOnly(json: string): string {
  return json.replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A value as Python's `repr()` prints it, for the `# Inputs:` header of a compiled file:
 * `'hi'`, `True`, `0.1`, `[1.0, 2.0]`, `{'a': 1.0}`. Numbers are
 * protobuf doubles by then, so whole numbers print with `.0` like KFP's header.
 */
export function pythonRepr(value: ProtoValue): string {
  if (value === null) return 'None';
  if (typeof value === 'string') return pythonStringRepr(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? `${value}.0` : String(value);
  if (Array.isArray(value)) return `[${value.map((item) => pythonRepr(item)).join(', ')}]`;
  const entries = Object.entries(value).map(
    ([key, item]) => `${pythonStringRepr(key)}: ${pythonRepr(item)}`,
  );
  return `{${entries.join(', ')}}`;
}

function pythonStringRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(quote === "'" ? /'/g : /"/g, `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}
