import { describe, expect, it } from 'vitest';
import type { ExecutorInput } from './executor-input.js';
import {
  resolveArgv,
  resolveText,
  type PlaceholderContext,
  type RunValues,
} from './placeholder-resolver.js';

const executorInput: ExecutorInput = {
  inputs: {
    parameterValues: { text: 'hi', n: 3, flags: { a: true }, items: ['x', 1] },
    artifacts: {
      data: {
        artifacts: [
          {
            name: 'data',
            type: { schemaTitle: 'system.Dataset' },
            uri: '/root/up/1/data',
            metadata: { rows: 10, source: 'csv' },
          },
        ],
      },
      remote: {
        artifacts: [{ name: 'remote', type: {}, uri: 'gs://bucket/file.txt', metadata: {} }],
      },
      many: {
        artifacts: [
          { name: 'a', type: {}, uri: '/root/a', metadata: {} },
          { name: 'b', type: {}, uri: '/root/b', metadata: {} },
        ],
      },
    },
  },
  outputs: {
    parameters: { out: { outputFile: '/root/t/1/parameters/out' } },
    artifacts: {
      model: {
        artifacts: [
          { name: 'model', type: {}, uri: '/root/t/1/model', metadata: { framework: 'x' } },
        ],
      },
    },
    outputFile: '/root/t/1/executor_output.json',
  },
};

const run: RunValues = {
  pipeline_job_name: 'job',
  pipeline_job_resource_name: 'job',
  pipeline_job_uuid: 'run-1',
  pipeline_task_name: 'train',
  pipeline_task_uuid: 'task-1',
  pipeline_root: '/root',
  pipeline_job_create_time_utc: '2026-01-01T00:00:00.000Z',
  pipeline_job_schedule_time_utc: '2026-01-01T00:00:00.000Z',
  workspace_path: '/root/workspace',
};
const context: PlaceholderContext = { executorInput, run };

describe('resolveText', () => {
  it('gives the whole ExecutorInput for {{$}}', () => {
    expect(JSON.parse(resolveText('{{$}}', context))).toEqual(executorInput);
  });

  it('inserts parameters, JSON-dumping anything that is not a string', () => {
    expect(
      resolveText("{{$.inputs.parameters['text']}}-{{$.inputs.parameters['n']}}", context),
    ).toBe('hi-3');
    expect(
      resolveText("{{$.inputs.parameters['flags']}} {{$.inputs.parameters['items']}}", context),
    ).toBe('{"a":true} ["x",1]');
  });

  it('resolves artifact uri, path, metadata and metadata keys', () => {
    expect(resolveText("{{$.inputs.artifacts['data'].uri}}", context)).toBe('/root/up/1/data');
    expect(resolveText("{{$.inputs.artifacts['remote'].path}}", context)).toBe(
      '/gcs/bucket/file.txt',
    );
    expect(resolveText("{{$.inputs.artifacts['data'].metadata}}", context)).toBe(
      '{"rows":10,"source":"csv"}',
    );
    expect(resolveText("{{$.inputs.artifacts['data'].metadata['rows']}}", context)).toBe('10');
    expect(resolveText("{{$.outputs.artifacts['model'].path}}/0", context)).toBe(
      '/root/t/1/model/0',
    );
    expect(resolveText("{{$.outputs.artifacts['model'].metadata}}", context)).toBe(
      '{"framework":"x"}',
    );
    expect(JSON.parse(resolveText("{{$.inputs.artifacts['many']}}", context))).toHaveLength(2);
  });

  it('resolves output files', () => {
    expect(resolveText("{{$.outputs.parameters['out'].output_file}}", context)).toBe(
      '/root/t/1/parameters/out',
    );
    expect(resolveText('{{$.outputs.output_file}} {{$.outputMetadataUri}}', context)).toBe(
      '/root/t/1/executor_output.json /root/t/1/executor_output.json',
    );
  });

  it('resolves every run value', () => {
    for (const [name, value] of Object.entries(run))
      expect(resolveText(`{{$.${name}}}`, context)).toBe(value);
  });

  it('fails naming an unknown placeholder instead of inserting nothing', () => {
    expect(() => resolveText('x{{$.pipeline_google_cloud_project_id}}', context)).toThrow(
      'Cannot resolve the placeholder {{$.pipeline_google_cloud_project_id}}: Skiff does not know this placeholder.',
    );
  });

  it('fails on an input with no value and an output the component does not declare', () => {
    expect(() => resolveText("{{$.inputs.parameters['absent']}}", context)).toThrow(
      /input parameter "absent" has no value/,
    );
    expect(() => resolveText("{{$.inputs.artifacts['absent'].uri}}", context)).toThrow(
      /input artifact "absent" is not there/,
    );
    expect(() => resolveText("{{$.outputs.parameters['nope'].output_file}}", context)).toThrow(
      /"nope" is not an output parameter/,
    );
  });
});

describe('resolveArgv', () => {
  it('joins Concat items into one argument', () => {
    const concat = `{"Concat": ["prefix-", "{{$.inputs.parameters['text']}}", "{{$.outputs.artifacts['model'].uri}}"]}`;
    expect(resolveArgv(['my_program', concat], context)).toEqual([
      'my_program',
      'prefix-hi/root/t/1/model',
    ]);
  });

  it('splices the Then list of IfPresent when the input is there, Else when not, nothing without Else', () => {
    const present = `{"IfPresent": {"InputName": "text", "Then": ["--text", "{{$.inputs.parameters['text']}}"]}}`;
    const absentElse =
      '{"IfPresent": {"InputName": "opt", "Then": ["--opt", "x"], "Else": ["--opt", "default value"]}}';
    const absent = '{"IfPresent": {"InputName": "opt", "Then": ["--opt"]}}';
    const artifact = `{"IfPresent": {"InputName": "data", "Then": ["echo", "{{$.inputs.artifacts['data'].uri}}"]}}`;
    expect(resolveArgv(['echo', present, absentElse, absent, artifact], context)).toEqual([
      'echo',
      '--text',
      'hi',
      '--opt',
      'default value',
      'echo',
      '/root/up/1/data',
    ]);
  });

  it('nests IfPresent inside Concat', () => {
    const nested =
      '{"Concat": ["a", {"IfPresent": {"InputName": "n", "Then": ["-", "{{$.inputs.parameters[\'n\']}}"]}}]}';
    expect(resolveArgv([nested], context)).toEqual(['a-3']);
  });

  it('keeps an ordinary JSON argument as text', () => {
    expect(resolveArgv(['{"key": "{{$.inputs.parameters[\'text\']}}"}'], context)).toEqual([
      '{"key": "hi"}',
    ]);
  });
});
