import { describe, expect, it } from 'vitest';
import { matchingLines, splitMatches, stepMatch, visibleWindow } from './log-view';

describe('log view', () => {
  it('finds matching lines case-insensitively', () => {
    expect(matchingLines(['Epoch 1', 'loss 0.3', 'epoch 2'], 'EPOCH')).toEqual([0, 2]);
    expect(matchingLines(['a'], '')).toEqual([]);
  });

  it('splits a line around every match', () => {
    expect(splitMatches('abcAbc', 'b')).toEqual([
      { text: 'a', match: false },
      { text: 'b', match: true },
      { text: 'cA', match: false },
      { text: 'b', match: true },
      { text: 'c', match: false },
    ]);
    expect(splitMatches('', 'x')).toEqual([{ text: '', match: false }]);
  });

  it('renders only the lines in view plus a margin', () => {
    expect(visibleWindow(0, 180, 18, 100_000, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleWindow(18_000, 180, 18, 100_000, 5)).toEqual({ start: 995, end: 1015 });
    expect(visibleWindow(0, 180, 18, 3)).toEqual({ start: 0, end: 3 });
  });

  it('steps through matches with wrap-around', () => {
    expect(stepMatch(3, -1, 1)).toBe(0);
    expect(stepMatch(3, 2, 1)).toBe(0);
    expect(stepMatch(3, 0, -1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });
});
