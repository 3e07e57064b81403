import type { Settings, SettingsPatch } from '@skiff/engine/api-contract';
import { api } from '../api/api';
import type { ApiError } from '../api/api-error';
import { asApiError, type LoadState } from './load-state';
import { theme } from './theme.svelte';

export type SaveResult = { ok: true; settings: Settings } | { ok: false; error: ApiError };

/** settings.json as the engine holds it (GET/PATCH /api/v1/settings, settings.changed). */
class SettingsState {
  current = $state.raw<LoadState<Settings>>({ status: 'loading' });

  async load(): Promise<void> {
    if (this.current.status !== 'ready') this.current = { status: 'loading' };
    try {
      this.apply(await api.getSettings());
    } catch (error) {
      if (this.current.status !== 'ready') {
        this.current = { status: 'error', error: asApiError(error) };
      }
    }
  }

  apply(settings: Settings): void {
    this.current = { status: 'ready', value: settings };
    theme.set(settings.ui.theme);
  }

  async save(patch: SettingsPatch): Promise<SaveResult> {
    try {
      const settings = await api.patchSettings(patch);
      this.apply(settings);
      return { ok: true, settings };
    } catch (error) {
      return { ok: false, error: asApiError(error) };
    }
  }
}

export const settings = new SettingsState();
