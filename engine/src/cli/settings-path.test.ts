import { describe, expect, it } from 'vitest';
import {
  formatSettingsKey,
  formatSettingValue,
  mergePatchFor,
  parseSettingsKey,
  parseSettingsValue,
  valueAtPath,
} from './settings-path.js';

const settings = {
  schemaVersion: 1,
  engine: { port: 8740 },
  pipelines: { executor: 'auto', concurrency: 4 },
  images: { map: { 'python:*': 'local/python-ml:bookworm', 'python:3.11': 'local/py311' } },
};

describe('parseSettingsKey', () => {
  it('splits a dotted path', () => {
    expect(parseSettingsKey('pipelines.concurrency')).toEqual(['pipelines', 'concurrency']);
  });

  it('keeps colons and takes bracketed segments whole', () => {
    expect(parseSettingsKey('images.map.python:3')).toEqual(['images', 'map', 'python:3']);
    expect(parseSettingsKey('images.map[python:3.11]')).toEqual(['images', 'map', 'python:3.11']);
    expect(parseSettingsKey('images.map["python:3.11"]')).toEqual(['images', 'map', 'python:3.11']);
    expect(parseSettingsKey('images.map.[python:3.11]')).toEqual(['images', 'map', 'python:3.11']);
  });

  it('rejects empty segments and unclosed brackets', () => {
    for (const bad of ['', 'a..b', 'a.', '.a', 'images.map[python', 'a[b]c', 'a[]']) {
      expect(() => parseSettingsKey(bad), bad).toThrow(/is not valid/);
    }
  });
});

describe('parseSettingsValue', () => {
  it('reads JSON when it parses, else a string', () => {
    expect(parseSettingsValue('8')).toBe(8);
    expect(parseSettingsValue('true')).toBe(true);
    expect(parseSettingsValue('null')).toBeNull();
    expect(parseSettingsValue('"8"')).toBe('8');
    expect(parseSettingsValue('{"python:3.11":"local/py"}')).toEqual({ 'python:3.11': 'local/py' });
    expect(parseSettingsValue('docker')).toBe('docker');
    expect(parseSettingsValue('local/python-ml:bookworm')).toBe('local/python-ml:bookworm');
  });
});

describe('mergePatchFor', () => {
  it('nests the value under the path', () => {
    expect(mergePatchFor(['pipelines', 'concurrency'], 8)).toEqual({
      pipelines: { concurrency: 8 },
    });
    expect(mergePatchFor(['images', 'map', 'python:3.11'], null)).toEqual({
      images: { map: { 'python:3.11': null } },
    });
  });

  it('refuses to touch schemaVersion', () => {
    expect(() => mergePatchFor(['schemaVersion'], 2)).toThrow('schemaVersion is managed by Skiff');
  });
});

describe('valueAtPath', () => {
  it('returns the whole settings for an empty path and a leaf for a full one', () => {
    expect(valueAtPath(settings, [])).toBe(settings);
    expect(valueAtPath(settings, ['pipelines', 'concurrency'])).toBe(4);
    expect(valueAtPath(settings, ['images', 'map', 'python:3.11'])).toBe('local/py311');
  });

  it('fails with NOT_FOUND listing the keys that exist', () => {
    expect(() => valueAtPath(settings, ['pipelines', 'concurency'])).toThrow(
      'Setting "pipelines.concurency" does not exist; keys under pipelines are: executor, concurrency.',
    );
    expect(() => valueAtPath(settings, ['nope'])).toThrow(
      /top-level keys are: schemaVersion, engine/,
    );
  });
});

describe('formatting', () => {
  it('spells keys with brackets only where needed', () => {
    expect(formatSettingsKey(['images', 'map', 'python:3.11'])).toBe('images.map[python:3.11]');
    expect(formatSettingsKey(['pipelines', 'concurrency'])).toBe('pipelines.concurrency');
  });

  it('prints scalars bare and objects as JSON', () => {
    expect(formatSettingValue('docker')).toBe('docker');
    expect(formatSettingValue(4)).toBe('4');
    expect(formatSettingValue({ port: 8740 })).toBe('{\n  "port": 8740\n}');
  });
});
