import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SkiffError } from '../../core/errors.js';
import { parsePlaceholders, parseStructuredPlaceholder } from './placeholder-syntax.js';

describe('parsePlaceholders', () => {
  it('splits literal text from placeholders, keeping each part’s source', () => {
    expect(parsePlaceholders("--text={{$.inputs.parameters['text']}}!")).toEqual([
      { kind: 'literal', text: '--text=' },
      { kind: 'inputParameter', text: "{{$.inputs.parameters['text']}}", name: 'text' },
      { kind: 'literal', text: '!' },
    ]);
  });

  it.each([
    ['{{$}}', { kind: 'executorInput' }],
    ["{{$.inputs.artifacts['in'].uri}}", { kind: 'inputArtifact', name: 'in', field: 'uri' }],
    ["{{$.inputs.artifacts['in'].path}}", { kind: 'inputArtifact', name: 'in', field: 'path' }],
    [
      "{{$.inputs.artifacts['in'].metadata}}",
      { kind: 'inputArtifact', name: 'in', field: 'metadata' },
    ],
    [
      "{{$.inputs.artifacts['in'].metadata['framework']}}",
      { kind: 'inputArtifact', name: 'in', field: 'metadata', metadataKey: 'framework' },
    ],
    ["{{$.inputs.artifacts['many']}}", { kind: 'inputArtifact', name: 'many', field: 'list' }],
    [
      "{{$.outputs.artifacts['model'].uri}}",
      { kind: 'outputArtifact', name: 'model', field: 'uri' },
    ],
    [
      "{{$.outputs.artifacts['model'].metadata}}",
      { kind: 'outputArtifact', name: 'model', field: 'metadata' },
    ],
    [
      "{{$.outputs.parameters['Output'].output_file}}",
      { kind: 'outputParameterFile', name: 'Output' },
    ],
    ['{{$.outputs.output_file}}', { kind: 'outputMetadataFile' }],
    ['{{$.outputMetadataUri}}', { kind: 'outputMetadataFile' }],
    ['{{$.pipeline_job_name}}', { kind: 'runValue', name: 'pipeline_job_name' }],
    ['{{$.pipeline_task_uuid}}', { kind: 'runValue', name: 'pipeline_task_uuid' }],
    ['{{$.pipeline_root}}', { kind: 'runValue', name: 'pipeline_root' }],
    ['{{$.workspace_path}}', { kind: 'runValue', name: 'workspace_path' }],
    [
      "{{$.inputs.parameters['pipelinechannel--loop-item']}}",
      { kind: 'inputParameter', name: 'pipelinechannel--loop-item' },
    ],
  ])('recognises %s', (text, expected) => {
    expect(parsePlaceholders(text)).toEqual([{ ...expected, text }]);
  });

  it.each([
    "{{$.inputs.parameters['x'].uri}}",
    '{{$.inputs.parameters[x]}}',
    "{{$.outputs.parameters['x']}}",
    "{{$.inputs.artifacts['x'].name}}",
    "{{$.inputs.artifacts['x'].uri['k']}}",
    '{{$.pipeline_google_cloud_project_id}}',
    '{{$.nope}}',
  ])('marks %s as unknown', (text) => {
    expect(parsePlaceholders(text)).toEqual([{ kind: 'unknown', text }]);
  });

  it('leaves an unterminated placeholder as literal text, as KFP does', () => {
    expect(parsePlaceholders("a {{$.inputs.parameters['x']")).toEqual([
      { kind: 'literal', text: "a {{$.inputs.parameters['x']" },
    ]);
  });

  it('ignores braces that do not open a placeholder', () => {
    expect(parsePlaceholders('echo {{ .Values }} ${HOME} {}')).toEqual([
      { kind: 'literal', text: 'echo {{ .Values }} ${HOME} {}' },
    ]);
  });

  it('gives back the original text when the parts are joined', () => {
    const pieces = fc.constantFrom(
      '{{$',
      '}}',
      '{{$}}',
      "['x']",
      '.inputs.parameters',
      '.uri',
      'a',
      ' ',
      '{',
      '}',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 12 }), (chunks) => {
        const text = chunks.join('');
        expect(
          parsePlaceholders(text)
            .map((part) => part.text)
            .join(''),
        ).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseStructuredPlaceholder', () => {
  it('reads Concat with placeholders inside', () => {
    const text = '{"Concat": ["prefix-", "{{$.inputs.parameters[\'text1\']}}"]}';
    expect(parseStructuredPlaceholder(text)).toEqual({
      kind: 'concat',
      items: ['prefix-', "{{$.inputs.parameters['text1']}}"],
    });
  });

  it('reads IfPresent, making single Then/Else elements lists', () => {
    const text = JSON.stringify({
      IfPresent: { InputName: 'opt', Then: '--flag', Else: ['a', 'b'] },
    });
    expect(parseStructuredPlaceholder(text)).toEqual({
      kind: 'ifPresent',
      inputName: 'opt',
      then: ['--flag'],
      else: ['a', 'b'],
    });
  });

  it('reads nested structures and a missing Else', () => {
    const text = JSON.stringify({ Concat: ['x', { IfPresent: { InputName: 'o', Then: 'y' } }] });
    expect(parseStructuredPlaceholder(text)).toEqual({
      kind: 'concat',
      items: ['x', { kind: 'ifPresent', inputName: 'o', then: ['y'], else: [] }],
    });
  });

  it.each(['--flag', '{"display_name": "x", "job_spec": {}}', '{not json', '[1, 2]', '{}'])(
    'returns undefined for an ordinary argument: %s',
    (text) => {
      expect(parseStructuredPlaceholder(text)).toBeUndefined();
    },
  );

  it.each([
    ['{"Concat": "abc"}', /Concat.*list/],
    ['{"Concat": [1]}', /must be a string or a nested placeholder/],
    ['{"IfPresent": {"Then": ["x"]}}', /InputName/],
    ['{"IfPresent": {"InputName": "x"}}', /Then/],
    ['{"IfPresent": {"InputName": "x", "Then": [], "Otherwise": []}}', /unknown key "Otherwise"/],
    ['{"Concat": [], "IfPresent": {}}', /exactly one key/],
    ['{"Concat": ["a", ', /not valid JSON/],
  ])('rejects a malformed structure %s', (text, message) => {
    let thrown: unknown;
    try {
      parseStructuredPlaceholder(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SkiffError);
    expect((thrown as SkiffError).code).toBe('INVALID_ARGUMENT');
    expect((thrown as SkiffError).message).toMatch(message);
  });

  it('refuses nesting deeper than it can resolve', () => {
    let text = '"x"';
    for (let depth = 0; depth < 40; depth++) text = `{"Concat": [${text}]}`;
    expect(() => parseStructuredPlaceholder(text)).toThrow(/deeper/);
  });
});
