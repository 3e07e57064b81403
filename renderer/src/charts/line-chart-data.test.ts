import { describe, expect, it } from 'vitest';
import { facetedData, formatNumber, paddedRange, samplePoints, yRangeOf } from './line-chart-data';

describe('line chart data', () => {
  it('keeps each series on its own x values, trimmed to equal lengths', () => {
    const data = facetedData([
      { label: 'a', x: [0, 1, 2], y: [5, 6] },
      { label: 'b', x: [10], y: [1] },
    ]);
    expect(data).toEqual([
      null,
      [
        [0, 1],
        [5, 6],
      ],
      [[10], [1]],
    ]);
  });

  it('pads ranges and gives flat or empty data a span', () => {
    expect(paddedRange([0, 10])).toEqual([-0.5, 10.5]);
    expect(paddedRange([3, 3])).toEqual([2.7, 3.3]);
    expect(paddedRange([])).toEqual([0, 1]);
    expect(yRangeOf([{ label: 'a', x: [0, 1], y: [0, Number.NaN] }])).toEqual([-1, 1]);
  });

  it('formats numbers briefly', () => {
    expect(formatNumber(0.973333333)).toBe('0.9733');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(0.00001)).toBe('1.00e-5');
  });

  it('samples long series evenly including both ends', () => {
    const x = Array.from({ length: 101 }, (_, i) => i);
    const points = samplePoints({ label: 'a', x, y: x }, 5);
    expect(points.map((p) => p.x)).toEqual([0, 25, 50, 75, 100]);
    expect(samplePoints({ label: 'a', x: [1, 2], y: [3, 4] })).toHaveLength(2);
  });
});
