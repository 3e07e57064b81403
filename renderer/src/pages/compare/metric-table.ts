/** One run's scalar metrics, keyed `artifact/metric` (see scalarKeys). */
export type RunScalars = Record<string, number>;

export interface MetricRow {
  key: string;
  values: (number | undefined)[];
  lowerIsBetter: boolean;
  /** Indices of the runs holding the best value; empty when fewer than two runs have one. */
  best: number[];
}

const LOWER_IS_BETTER = /(^|[^a-z])(loss|log_loss|error|err|mse|rmse|mae|mape)([^a-z]|$)/i;

/** Losses and errors are better low; everything else (accuracy, auc, f1 …) high. */
export function lowerIsBetterByName(key: string): boolean {
  const metric = key.slice(key.lastIndexOf('/') + 1);
  return LOWER_IS_BETTER.test(metric);
}

export function bestIndices(values: readonly (number | undefined)[], lower: boolean): number[] {
  const present = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (present.length < 2) return [];
  const target = lower ? Math.min(...present) : Math.max(...present);
  return values.flatMap((v, i) => (v === target ? [i] : []));
}

/**
 * Keys the scalars of one run's metric artifacts as `artifact/metric`; an artifact name
 * two tasks share gets the task name in front (`train:metrics/loss`) to stay apart.
 */
export function scalarKeys(
  artifacts: readonly { name: string; taskName: string; scalars: Record<string, number> }[],
): RunScalars {
  const uses = new Map<string, number>();
  for (const a of artifacts) uses.set(a.name, (uses.get(a.name) ?? 0) + 1);
  const keyed: RunScalars = {};
  for (const a of artifacts) {
    const prefix = (uses.get(a.name) ?? 0) > 1 ? `${a.taskName}:${a.name}` : a.name;
    for (const [metric, value] of Object.entries(a.scalars)) keyed[`${prefix}/${metric}`] = value;
  }
  return keyed;
}

/** One row per metric any run has, sorted; `direction` overrides the guess by name per key. */
export function metricRows(
  runs: readonly RunScalars[],
  direction: Readonly<Record<string, boolean>> = {},
): MetricRow[] {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))].sort();
  return keys.map((key) => {
    const values = runs.map((r) => r[key]);
    const lowerIsBetter = direction[key] ?? lowerIsBetterByName(key);
    return { key, values, lowerIsBetter, best: bestIndices(values, lowerIsBetter) };
  });
}
