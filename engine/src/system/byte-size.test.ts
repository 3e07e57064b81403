import { describe, expect, it } from 'vitest';
import { formatBytes } from './byte-size.js';

describe('formatBytes', () => {
  it('uses binary units with one decimal below ten', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(25_276_510_208)).toBe('24 GiB');
    expect(formatBytes(3.5 * 1024 ** 3)).toBe('3.5 GiB');
    expect(formatBytes(-1)).toBe('?');
  });
});
