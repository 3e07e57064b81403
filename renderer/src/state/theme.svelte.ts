import type { ThemePreference } from '@skiff/engine/api-contract';
import { parseThemePreference, resolveTheme, type ResolvedTheme } from './theme-preference';

const STORAGE_KEY = 'skiff.theme';

/**
 * The colour theme on <html>: `data-theme` holds the resolved `light` or `dark` and
 * `data-theme-preference` the setting (`system`, `light`, `dark`). The preference comes
 * from settings (ui.theme) and is cached locally so the next start paints right at once.
 */
class ThemeState {
  preference = $state<ThemePreference>('system');
  systemPrefersDark = $state(false);
  readonly resolved: ResolvedTheme = $derived(
    resolveTheme(this.preference, this.systemPrefersDark),
  );

  /** Applies the cached preference and follows the operating system's changes. */
  start(): () => void {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    this.systemPrefersDark = media.matches;
    this.preference = parseThemePreference(readStorage()) ?? 'system';
    this.#apply();
    const onChange = (event: MediaQueryListEvent) => {
      this.systemPrefersDark = event.matches;
      this.#apply();
    };
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }

  set(preference: ThemePreference): void {
    this.preference = preference;
    writeStorage(preference);
    this.#apply();
  }

  #apply(): void {
    const root = document.documentElement;
    root.dataset['theme'] = this.resolved;
    root.dataset['themePreference'] = this.preference;
  }
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be disabled; the engine's setting still applies
  }
}

function writeStorage(preference: ThemePreference): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    // Not fatal: only the first paint of the next start uses the cache.
  }
}

export const theme = new ThemeState();
