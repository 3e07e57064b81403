import type { ThemePreference } from '@skiff/engine/api-contract';

export type ResolvedTheme = 'light' | 'dark';

export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** `system` follows the operating system's `prefers-color-scheme`. */
export function resolveTheme(
  preference: ThemePreference,
  systemPrefersDark: boolean,
): ResolvedTheme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

/** Reads a preference cached in localStorage; anything unexpected counts as none. */
export function parseThemePreference(value: string | null): ThemePreference | null {
  return THEME_PREFERENCES.find((preference) => preference === value) ?? null;
}
