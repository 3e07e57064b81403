import type { ProtoValue } from '../../api/kfp-types';
import { formatNumber } from '../../charts/line-chart-data';
import { formatParameter } from './param-diff';

export interface PcRun {
  label: string;
  parameters: Record<string, ProtoValue>;
  metric: number | undefined;
}

/** How one axis maps its values to 0..1, said in words under the chart. */
export type PcAxis =
  | { name: string; kind: 'number'; min: number; max: number }
  | { name: string; kind: 'category'; categories: string[] };

export interface PcChart {
  axes: PcAxis[];
  xTicks: { value: number; label: string }[];
  /** One polyline per run over axis indices; a run missing a value skips that axis. */
  series: { label: string; x: number[]; y: number[] }[];
}

function numeric(value: ProtoValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return undefined;
}

/** Numbers scale min→0, max→1 (all equal: 0.5); anything else takes evenly spaced places. */
function axisOf(
  name: string,
  values: readonly (ProtoValue | undefined)[],
): {
  axis: PcAxis;
  position: (v: ProtoValue | undefined) => number | undefined;
} {
  const present = values.filter((v) => v !== undefined);
  const numbers = present.map(numeric);
  if (numbers.every((n): n is number => n !== undefined)) {
    const min = Math.min(...numbers);
    const max = Math.max(...numbers);
    const span = max - min;
    return {
      axis: { name, kind: 'number', min, max },
      position: (v) => {
        const n = numeric(v);
        if (n === undefined) return undefined;
        return span === 0 ? 0.5 : (n - min) / span;
      },
    };
  }
  const categories = [...new Set(present.map((v) => formatParameter(v) ?? ''))].sort();
  const last = Math.max(1, categories.length - 1);
  return {
    axis: { name, kind: 'category', categories },
    position: (v) => {
      const text = formatParameter(v);
      if (text === undefined) return undefined;
      return categories.length === 1 ? 0.5 : categories.indexOf(text) / last;
    },
  };
}

/**
 * Parallel coordinates of parameters against one metric: one axis per parameter that
 * varies (all of them when none does), the metric last, each scaled to 0..1.
 */
export function parallelCoordinates(runs: readonly PcRun[], metricName: string): PcChart {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.parameters)))].sort();
  const varying = names.filter(
    (n) => new Set(runs.map((r) => formatParameter(r.parameters[n]))).size > 1,
  );
  const shown = varying.length > 0 ? varying : names;
  const columns: { name: string; values: (ProtoValue | undefined)[] }[] = [
    ...shown.map((name) => ({ name, values: runs.map((r) => r.parameters[name]) })),
    { name: metricName, values: runs.map((r) => r.metric) },
  ];
  const scaled = columns.map((c) => ({ ...axisOf(c.name, c.values), values: c.values }));
  return {
    axes: scaled.map((s) => s.axis),
    xTicks: scaled.map((s, i) => ({ value: i, label: s.axis.name })),
    series: runs.map((run, r) => {
      const x: number[] = [];
      const y: number[] = [];
      scaled.forEach((s, i) => {
        const position = s.position(s.values[r]);
        if (position === undefined) return;
        x.push(i);
        y.push(position);
      });
      return { label: run.label, x, y };
    }),
  };
}

/** "c: 0.1 to 10", "solver: lbfgs, saga" — what 0 and 1 mean on each axis. */
export function describeAxis(axis: PcAxis): string {
  if (axis.kind === 'category')
    return `${axis.name}: ${axis.categories.join(', ')} (bottom to top)`;
  const [min, max] = [formatNumber(axis.min), formatNumber(axis.max)];
  if (axis.min === axis.max) return `${axis.name}: ${min} for every run`;
  return `${axis.name}: ${min} (bottom) to ${max} (top)`;
}
