/**
 * Reads the metadata of KFP metrics artifacts as the SDK writes it
 * (kfp.dsl.types.artifact_types): `system.Metrics` keeps one number per metric;
 * `system.ClassificationMetrics` keeps `confidenceMetrics` (ROC points) and
 * `confusionMatrix` ({annotationSpecs: [{displayName}], rows: [{row}]}).
 */

export interface RocCurve {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
}

export interface ConfusionMatrixData {
  labels: string[];
  matrix: number[][];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown): number | null {
  // Metadata written as JSON numbers may come back as strings from some stores.
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** The ROC points sorted by false positive rate, or null when there are none. */
export function rocCurve(metadata: Record<string, unknown>): RocCurve | null {
  const points = metadata['confidenceMetrics'];
  if (!Array.isArray(points)) return null;
  const read: { fpr: number; tpr: number; threshold: number }[] = [];
  for (const point of points) {
    if (!isRecord(point)) continue;
    const fpr = finite(point['falsePositiveRate']);
    const tpr = finite(point['recall']);
    if (fpr === null || tpr === null) continue;
    read.push({ fpr, tpr, threshold: finite(point['confidenceThreshold']) ?? Number.NaN });
  }
  if (read.length === 0) return null;
  // Stable sort by fpr then tpr keeps the staircase of a ROC curve in order.
  read.sort((a, b) => a.fpr - b.fpr || a.tpr - b.tpr);
  return {
    fpr: read.map((p) => p.fpr),
    tpr: read.map((p) => p.tpr),
    thresholds: read.map((p) => p.threshold),
  };
}

/** The confusion matrix (row = actual, column = predicted), or null when absent or malformed. */
export function confusionMatrix(metadata: Record<string, unknown>): ConfusionMatrixData | null {
  const value = metadata['confusionMatrix'];
  if (!isRecord(value)) return null;
  const specs = value['annotationSpecs'];
  const rows = value['rows'];
  if (!Array.isArray(specs) || !Array.isArray(rows) || specs.length === 0) return null;
  const labels = specs.map((spec, i) =>
    isRecord(spec) && typeof spec['displayName'] === 'string' ? spec['displayName'] : `#${i}`,
  );
  const matrix = labels.map((_, r) => {
    const row: unknown = isRecord(rows[r]) ? rows[r]['row'] : undefined;
    return labels.map((__, c) => (Array.isArray(row) ? (finite(row[c]) ?? 0) : 0));
  });
  return { labels, matrix };
}

/** Every numeric top-level entry: for `system.Metrics` each one is a metric. */
export function scalarMetrics(metadata: Record<string, unknown>): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value === 'number' && Number.isFinite(value)) metrics[key] = value;
  }
  return metrics;
}

/** Area under a curve by the trapezoid rule; the points are taken in the given order. */
export function auc(fpr: number[], tpr: number[]): number {
  let area = 0;
  const n = Math.min(fpr.length, tpr.length);
  for (let i = 1; i < n; i++) {
    const x0 = fpr[i - 1] ?? 0;
    const x1 = fpr[i] ?? 0;
    const y0 = tpr[i - 1] ?? 0;
    const y1 = tpr[i] ?? 0;
    area += ((x1 - x0) * (y0 + y1)) / 2;
  }
  return area;
}
