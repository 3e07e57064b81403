import { describe, expect, it } from 'vitest';
import { parseThemePreference, resolveTheme } from './theme-preference';

describe('resolveTheme', () => {
  it('follows the operating system for the system preference', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });

  it('keeps an explicit choice whatever the operating system prefers', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('parseThemePreference', () => {
  it('accepts the three preferences and nothing else', () => {
    expect(parseThemePreference('dark')).toBe('dark');
    expect(parseThemePreference('system')).toBe('system');
    expect(parseThemePreference('blue')).toBeNull();
    expect(parseThemePreference(null)).toBeNull();
  });
});
