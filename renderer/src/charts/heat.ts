/**
 * How strongly a heat-map cell is tinted, as a percent of the accent colour. Capped at 60%
 * so the normal text colour keeps AA contrast on every cell in both themes.
 */
export const MAX_TINT = 60;

export function tintPercent(value: number, max: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(max) || max <= 0 || value <= 0) return 0;
  return Math.round((Math.min(value, max) / max) * MAX_TINT);
}

/** The largest finite value of a matrix, 0 when empty. */
export function matrixMax(matrix: number[][]): number {
  let max = 0;
  for (const row of matrix) for (const v of row) if (Number.isFinite(v) && v > max) max = v;
  return max;
}
