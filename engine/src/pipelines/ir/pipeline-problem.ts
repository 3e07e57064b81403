/**
 * One thing wrong with a pipeline: where (a dotted path into the IR, e.g.
 * `root.dag.tasks.train.inputs.parameters.lr`) and what, phrased so the author can fix it.
 */
export interface PipelineProblem {
  path: string;
  message: string;
}

/** Joins path segments: names with dots, list indexes in brackets (`args[3]`). */
export function pathOf(...segments: (string | number)[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}

/** A quoted, comma-separated list for messages, shortened when long. */
export function quotedList(names: Iterable<string>, limit = 8): string {
  const all = [...names];
  if (all.length === 0) return 'none';
  const shown = all.slice(0, limit).map((name) => `"${name}"`);
  return all.length > limit
    ? `${shown.join(', ')} and ${all.length - limit} more`
    : shown.join(', ');
}

const keyLists = new WeakMap<object, string>();

/**
 * The keys of `record` as a quoted list, for "it has …" hints. Computed once per record:
 * a broken spec with many tasks may need the same hint for each of them.
 */
export function quotedKeys(record: object | undefined): string {
  if (record === undefined) return 'none';
  let list = keyLists.get(record);
  if (list === undefined) {
    list = quotedList(Object.keys(record));
    keyLists.set(record, list);
  }
  return list;
}
