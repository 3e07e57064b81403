/** Pure data shaping for LineChart: uPlot's faceted data, ranges and a readable summary. */

export interface LineSeries {
  label: string;
  x: number[];
  y: number[];
}

/** uPlot mode 2 data: a null for the x slot, then one [xs, ys] per series (lengths may differ). */
export type FacetedData = [null, ...[number[], number[]][]];

export function facetedData(series: LineSeries[]): FacetedData {
  return [
    null,
    ...series.map((s): [number[], number[]] => {
      const n = Math.min(s.x.length, s.y.length);
      return [s.x.slice(0, n), s.y.slice(0, n)];
    }),
  ];
}

/** [min, max] of the finite values with 5% padding; a flat or empty set still gets a span. */
export function paddedRange(values: Iterable<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return [0, 1];
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    return [min - pad, max + pad];
  }
  const pad = (max - min) * 0.05;
  return [min - pad, max + pad];
}

function* flat(series: LineSeries[], axis: 'x' | 'y'): Generator<number> {
  for (const s of series) yield* s[axis];
}

export function xRangeOf(series: LineSeries[]): [number, number] {
  return paddedRange(flat(series, 'x'));
}

export function yRangeOf(series: LineSeries[]): [number, number] {
  return paddedRange(flat(series, 'y'));
}

/** A short number for labels and tables: 4 significant digits, no trailing zeros. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3))
    return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

/** At most `max` evenly spaced points of a series, for the screen-reader table. */
export function samplePoints(s: LineSeries, max = 20): { x: number; y: number }[] {
  const n = Math.min(s.x.length, s.y.length);
  const step = n <= max ? 1 : (n - 1) / (max - 1);
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < Math.min(n, max); i++) {
    const at = Math.round(i * step);
    points.push({ x: s.x[at] ?? Number.NaN, y: s.y[at] ?? Number.NaN });
  }
  return points;
}
