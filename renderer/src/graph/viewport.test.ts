import { describe, expect, it } from 'vitest';
import { fitTransform, reveal, zoomAt } from './viewport';

describe('viewport transforms', () => {
  it('fits a big graph and centres a small one at 100 %', () => {
    const big = fitTransform({ width: 2000, height: 500 }, { width: 1032, height: 400 });
    expect(big.k).toBeCloseTo(0.5);
    expect(big.x).toBeCloseTo(16);
    const small = fitTransform({ width: 200, height: 100 }, { width: 400, height: 300 });
    expect(small).toEqual({ k: 1, x: 100, y: 100 });
  });

  it('zooms around the pointer', () => {
    const t = zoomAt({ x: 0, y: 0, k: 1 }, 2, { x: 100, y: 50 });
    expect(t).toEqual({ k: 2, x: -100, y: -50 });
    expect(zoomAt(t, 100, { x: 0, y: 0 }).k).toBe(2);
  });

  it('pans just enough to show a box', () => {
    const t = reveal(
      { x: 0, y: 0, k: 1 },
      { x: 500, y: 10, width: 100, height: 50 },
      { width: 400, height: 300 },
    );
    expect(t).toEqual({ x: -216, y: 6, k: 1 });
  });
});
