import { describe, expect, it } from 'vitest';
import type { Settings } from '@skiff/engine/api-contract';
import { buildSettingsPatch, isEmptyPatch, mergePatchDiff } from './merge-patch';

const saved: Settings = {
  schemaVersion: 1,
  engine: { port: 8470 },
  ui: { theme: 'system' },
  pipelines: { executor: 'auto', concurrency: 4 },
  images: { map: { 'python:3.11': 'local/python-ml:bookworm', 'alpine*': 'local/alpine' } },
};

const edit = (change: (copy: Settings) => void): Settings => {
  const copy = structuredClone(saved);
  change(copy);
  return copy;
};

describe('mergePatchDiff', () => {
  it('is undefined for equal values', () => {
    expect(mergePatchDiff({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 2] } })).toBeUndefined();
  });

  it('keeps only changed keys, nested', () => {
    expect(mergePatchDiff({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2, d: 4 } })).toEqual({
      b: { d: 4 },
    });
  });

  it('sends null for removed keys and replaces arrays whole', () => {
    expect(mergePatchDiff({ a: 1, b: [1, 2] }, { b: [2] })).toEqual({ a: null, b: [2] });
  });
});

describe('buildSettingsPatch', () => {
  it('is empty when nothing changed', () => {
    expect(isEmptyPatch(buildSettingsPatch(saved, structuredClone(saved)))).toBe(true);
  });

  it('sends only the changed fields', () => {
    const edited = edit((s) => {
      s.ui.theme = 'dark';
      s.pipelines.concurrency = 2;
    });
    expect(buildSettingsPatch(saved, edited)).toEqual({
      ui: { theme: 'dark' },
      pipelines: { concurrency: 2 },
    });
  });

  it('removes an image mapping with null and adds or changes others by value', () => {
    const edited = edit((s) => {
      s.images.map = { 'python:3.11': 'local/python:3.11', 'node:20': 'local/node' };
    });
    expect(buildSettingsPatch(saved, edited)).toEqual({
      images: {
        map: { 'alpine*': null, 'python:3.11': 'local/python:3.11', 'node:20': 'local/node' },
      },
    });
  });

  it('never sends schemaVersion', () => {
    const edited = edit((s) => {
      s.engine.port = 9000;
    });
    expect(buildSettingsPatch(saved, edited)).toEqual({ engine: { port: 9000 } });
  });
});
