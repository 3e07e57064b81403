import { describe, expect, it } from 'vitest';
import { describeAxis, parallelCoordinates } from './parallel-coordinates';

describe('parallelCoordinates', () => {
  const runs = [
    { label: 'a', parameters: { c: 1, solver: 'lbfgs', seed: 42 }, metric: 0.9 },
    { label: 'b', parameters: { c: 3, solver: 'saga', seed: 42 }, metric: 0.8 },
    { label: 'c', parameters: { c: 2, solver: 'lbfgs', seed: 42 }, metric: undefined },
  ];

  it('puts each varying parameter on an axis and the metric last, scaled to 0..1', () => {
    const chart = parallelCoordinates(runs, 'metrics/accuracy');
    expect(chart.xTicks).toEqual([
      { value: 0, label: 'c' },
      { value: 1, label: 'solver' },
      { value: 2, label: 'metrics/accuracy' },
    ]);
    expect(chart.series[0]).toEqual({ label: 'a', x: [0, 1, 2], y: [0, 0, 1] });
    expect(chart.series[1]).toEqual({ label: 'b', x: [0, 1, 2], y: [1, 1, 0] });
    // no metric value: the line stops at the last parameter
    expect(chart.series[2]).toEqual({ label: 'c', x: [0, 1], y: [0.5, 0] });
  });

  it('keeps every parameter when none varies, centring constant axes', () => {
    const same = runs.map((r) => ({ ...r, parameters: { seed: 42 }, metric: 0.5 }));
    const chart = parallelCoordinates(same, 'm');
    expect(chart.xTicks.map((t) => t.label)).toEqual(['seed', 'm']);
    expect(chart.series[0]?.y).toEqual([0.5, 0.5]);
  });

  it('describes what each axis spans', () => {
    const [c, solver] = parallelCoordinates(runs, 'm').axes;
    expect(c && describeAxis(c)).toBe('c: 1 (bottom) to 3 (top)');
    expect(solver && describeAxis(solver)).toBe('solver: lbfgs, saga (bottom to top)');
  });
});
