import { describe, expect, it } from 'vitest';
import { pythonJson, pythonRepr } from './python-json.js';

describe('pythonJson', () => {
  it('writes JSON with the separators of json.dumps', () => {
    expect(pythonJson([1, 'a', { b: [true, null] }])).toBe('[1, "a", {"b": [true, null]}]');
  });

  it('sorts keys when asked, as KFP does for loop items', () => {
    expect(pythonJson({ b: 1, a: 2 }, { sortKeys: true })).toBe('{"a": 2, "b": 1}');
    expect(pythonJson({ b: 1, a: 2 })).toBe('{"b": 1, "a": 2}');
  });

  it('escapes non-ASCII characters', () => {
    expect(pythonJson('café ✓')).toBe('"caf\\u00e9 \\u2713"');
  });
});

describe('pythonRepr', () => {
  it('prints values as Python does in the compiled header', () => {
    expect(pythonRepr([1, 0.5, 'x', true, null])).toBe("[1.0, 0.5, 'x', True, None]");
    expect(pythonRepr({ a: "it's" })).toBe(`{'a': "it's"}`);
  });
});
