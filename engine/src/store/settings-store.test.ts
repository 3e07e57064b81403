import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from './settings-store.js';

const fileIn = (dir = mkdtempSync(join(tmpdir(), 'skiff-settings-'))): string =>
  join(dir, 'settings.json');

describe('SettingsStore', () => {
  it('writes the defaults with a schema version on first open', async () => {
    const file = fileIn();
    const store = await SettingsStore.open(file);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion: number };
    expect(written.schemaVersion).toBe(1);
    expect(store.get().pipelines.executor).toBe('auto');
  });

  it('persists a merge patch and removes map keys set to null', async () => {
    const file = fileIn();
    const store = await SettingsStore.open(file);
    await store.patch({
      pipelines: { concurrency: 8 },
      images: { map: { 'python:*': null, 'gcr.io/x:*': 'local/x:1' } },
    });
    const reopened = await SettingsStore.open(file);
    expect(reopened.get().pipelines).toEqual({ executor: 'auto', concurrency: 8 });
    expect(reopened.get().images.map['python:*']).toBeUndefined();
    expect(reopened.get().images.map['gcr.io/x:*']).toBe('local/x:1');
  });

  it('rejects an invalid value naming the field, and changes nothing', async () => {
    const file = fileIn();
    const store = await SettingsStore.open(file);
    const before = readFileSync(file, 'utf8');
    await expect(store.patch({ pipelines: { concurrency: 0 } })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/^pipelines\.concurrency: /) as unknown,
    });
    await expect(store.patch({ ui: { colour: 'blue' } })).rejects.toThrow(/ui/);
    await expect(store.patch({ schemaVersion: 2 })).rejects.toThrow(/schemaVersion/);
    await expect(store.patch([1])).rejects.toThrow(/JSON object/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(store.get().pipelines.concurrency).toBe(4);
  });

  it('applies concurrent patches one after another without losing any', async () => {
    const store = await SettingsStore.open(fileIn());
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.patch({ images: { map: { [`img-${i}`]: `local/img:${i}` } } }),
      ),
    );
    expect(Object.keys(store.get().images.map).filter((k) => k.startsWith('img-'))).toHaveLength(
      20,
    );
  });

  it('refuses to start from a corrupt file and says how to recover', async () => {
    const file = fileIn();
    writeFileSync(file, '{ not json');
    await expect(SettingsStore.open(file)).rejects.toThrow(
      /not valid JSON.*delete it to start from the defaults/,
    );
  });

  it('fills in settings added after the file was written, keeping the user’s values', async () => {
    const file = fileIn();
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, ui: { theme: 'dark' } }));
    const store = await SettingsStore.open(file);
    expect(store.get().ui.theme).toBe('dark');
    expect(store.get().engine.port).toBeGreaterThan(1023);
  });
});
