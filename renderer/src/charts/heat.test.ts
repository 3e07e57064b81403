import { describe, expect, it } from 'vitest';
import { MAX_TINT, matrixMax, tintPercent } from './heat';

describe('heat map tint', () => {
  it('scales values to the capped tint', () => {
    expect(tintPercent(10, 10)).toBe(MAX_TINT);
    expect(tintPercent(5, 10)).toBe(MAX_TINT / 2);
    expect(tintPercent(0, 10)).toBe(0);
    expect(tintPercent(3, 0)).toBe(0);
  });

  it('finds the largest value of a matrix', () => {
    expect(
      matrixMax([
        [1, 7],
        [3, Number.NaN],
      ]),
    ).toBe(7);
    expect(matrixMax([])).toBe(0);
  });
});
