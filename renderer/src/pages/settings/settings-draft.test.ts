import { describe, expect, it } from 'vitest';
import type { Settings } from '@skiff/engine/api-contract';
import {
  draftFromSettings,
  fieldIdForEngineField,
  imageFieldId,
  newImageRow,
  settingsFromDraft,
  type SettingsDraft,
} from './settings-draft';

const saved: Settings = {
  schemaVersion: 1,
  engine: { port: 8470 },
  ui: { theme: 'light' },
  pipelines: { executor: 'docker', concurrency: 3 },
  images: { map: { 'python:3.11': 'local/python-ml:bookworm' } },
};

describe('draftFromSettings and settingsFromDraft', () => {
  it('round-trip unchanged settings', () => {
    const result = settingsFromDraft(saved, draftFromSettings(saved));
    expect(result).toEqual({ ok: true, settings: saved });
  });

  it('trims image rows and skips rows left empty', () => {
    const draft: SettingsDraft = {
      ...draftFromSettings(saved),
      images: [newImageRow(' node:20 ', ' local/node '), newImageRow('', '  ')],
    };
    const result = settingsFromDraft(saved, draft);
    expect(result.ok && result.settings.images.map).toEqual({ 'node:20': 'local/node' });
  });

  it('asks for numbers when a number field is empty', () => {
    const draft: SettingsDraft = {
      ...draftFromSettings(saved),
      port: null,
      concurrency: undefined,
    };
    const result = settingsFromDraft(saved, draft);
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual([
      'engine-port',
      'pipelines-concurrency',
    ]);
  });

  it('leaves range checks to the engine', () => {
    const draft: SettingsDraft = { ...draftFromSettings(saved), concurrency: 0, port: 70000 };
    expect(settingsFromDraft(saved, draft).ok).toBe(true);
  });

  it('flags half-filled and repeated image rows on the field at fault', () => {
    const missingImage = newImageRow('alpine*', '');
    const missingPattern = newImageRow('', 'local/x');
    const first = newImageRow('python:3.11', 'local/a');
    const repeated = newImageRow('python:3.11', 'local/b');
    const draft: SettingsDraft = {
      ...draftFromSettings(saved),
      images: [missingImage, missingPattern, first, repeated],
    };
    const result = settingsFromDraft(saved, draft);
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(
      [
        imageFieldId(missingImage, 'image'),
        imageFieldId(missingPattern, 'pattern'),
        imageFieldId(repeated, 'pattern'),
      ].sort(),
    );
  });
});

describe('fieldIdForEngineField', () => {
  it('maps a settings path from an engine error to the input that edits it', () => {
    expect(fieldIdForEngineField('pipelines.concurrency')).toBe('pipelines-concurrency');
    expect(fieldIdForEngineField('engine.port')).toBe('engine-port');
  });

  it('is null for paths without a single input and for non-strings', () => {
    expect(fieldIdForEngineField('images.map')).toBeNull();
    expect(fieldIdForEngineField(undefined)).toBeNull();
  });
});
