import { describe, expect, it } from 'vitest';
import { formatMoment } from './time';

describe('formatMoment', () => {
  const now = new Date(2025, 4, 6, 15, 0, 0);

  it('shows only the time for a moment today', () => {
    const text = formatMoment(new Date(2025, 4, 6, 9, 5, 7).toISOString(), now, 'en-GB');
    expect(text).toBe('09:05:07');
  });

  it('adds the date for another day', () => {
    const text = formatMoment(new Date(2025, 3, 30, 9, 5, 7).toISOString(), now, 'en-GB');
    expect(text).toContain('30 Apr 2025');
    expect(text).toContain('09:05:07');
  });

  it('is empty for something that is not a date', () => {
    expect(formatMoment('yesterday', now)).toBe('');
  });
});
