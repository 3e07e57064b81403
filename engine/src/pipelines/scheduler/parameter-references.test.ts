import { describe, expect, it } from 'vitest';
import { expandParameterReferences, expandReferencesDeep } from './parameter-references.js';

describe('expandParameterReferences', () => {
  it('substitutes references inside text, JSON-dumping non-strings', () => {
    const parameters = { n: 7, s: 'heads', l: [1] };
    expect(
      expandParameterReferences("heads and {{$.inputs.parameters['n']}} > 5!", parameters, 'msg'),
    ).toBe('heads and 7 > 5!');
    expect(
      expandParameterReferences(
        "{{$.inputs.parameters['s']}}-{{$.inputs.parameters['l']}}",
        parameters,
        'msg',
      ),
    ).toBe('heads-[1]');
  });

  it('keeps the type of a value that is exactly one reference', () => {
    expect(expandParameterReferences("{{$.inputs.parameters['n']}}", { n: 7 }, 'msg')).toBe(7);
  });

  it('fails naming a reference without a value', () => {
    expect(() =>
      expandParameterReferences("{{$.inputs.parameters['gone']}}", {}, 'Input "msg"'),
    ).toThrow(/Input "msg" refers to input parameter "gone"/);
  });
});

describe('expandReferencesDeep', () => {
  it('expands keys and values of importer metadata', () => {
    const metadata = {
      name: ["{{$.inputs.parameters['m']}}", 'alias'],
      "{{$.inputs.parameters['m']}}": "{{$.inputs.parameters['i']}}",
    };
    expect(expandReferencesDeep(metadata, { m: 'model', i: 3 }, 'metadata')).toEqual({
      name: ['model', 'alias'],
      model: 3,
    });
  });
});
