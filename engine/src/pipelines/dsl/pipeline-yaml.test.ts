import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { compile, toYaml } from './compile.js';
import { param } from './parameter.js';
import { pipeline } from './pipeline.js';
import { echo } from './testing/sample-components.js';

const p = pipeline(
  {
    name: 'yaml-layout',
    description: 'First line.\nSecond line.',
    inputs: {
      who: param.string({ default: 'KFP' }),
      count: param.int({ default: 2 }),
      rates: param.list({ items: 'double', default: [0.5, 1] }),
      options: param.struct({ default: { deep: true, name: "it's" } }),
      extra: param.string({ optional: true }),
    },
  },
  ({ inputs }) => {
    echo({ msg: inputs.who }).setRetry({ maxRetries: 2 });
  },
);

describe('toYaml', () => {
  it('starts with the header kfp.compiler writes', () => {
    const header = toYaml(p).split('\n').slice(0, 11).join('\n');
    expect(header).toBe(
      [
        '# PIPELINE DEFINITION',
        '# Name: yaml-layout',
        '# Description: First line.',
        '#              Second line.',
        '# Inputs:',
        '#    count: int [Default: 2.0]',
        '#    extra: str',
        "#    options: dict [Default: {'deep': True, 'name': \"it's\"}]",
        '#    rates: list [Default: [0.5, 1.0]]',
        "#    who: str [Default: 'KFP']",
        'components:',
      ].join('\n'),
    );
  });

  it('sorts keys and parses back to the compiled spec', () => {
    const text = toYaml(p);
    expect(parse(text)).toEqual(compile(p));
    expect(parseAllDocuments(text)).toHaveLength(1);
    const topLevel = text.split('\n').filter((line) => /^[a-zA-Z]/.test(line));
    expect(topLevel).toEqual([
      'components:',
      'deploymentSpec:',
      'pipelineInfo:',
      'root:',
      'schemaVersion: 2.1.0',
      expect.stringMatching(/^sdkVersion: skiff-/) as string,
    ]);
  });

  it('writes protobuf doubles with a fraction but integer fields as integers', () => {
    const text = toYaml(p);
    expect(text).toContain('defaultValue: 2.0');
    expect(text).toContain('maxRetryCount: 2\n');
    expect(text).toContain('backoffFactor: 2.0');
  });

  it('quotes placeholders the way Prettier keeps them', () => {
    expect(toYaml(p)).toContain(`- "{{$.inputs.parameters['msg']}}"`);
  });
});
