import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPipelineProblems } from './ir-validator.js';
import {
  pipelinePackageFromValue,
  readPipelinePackage,
  serializePipelinePackage,
} from './package-reader.js';
import type { PipelinePackage, ProtoValue } from './pipeline-spec.js';
import { bytes } from './testing/archives.js';
import { readRejection as rejection } from './testing/read-rejection.js';
import { rootTask, twoStepPipeline } from './testing/two-step-pipeline.js';

const SPEC_YAML = serializePipelinePackage(twoStepPipeline());
const PLATFORMS = { platforms: { kubernetes: { deploymentSpec: { executors: {} } } } };

describe('readPipelinePackage accepts', () => {
  it('IR YAML, and reads back what serializePipelinePackage wrote', () => {
    expect(readPipelinePackage(bytes(SPEC_YAML))).toEqual(twoStepPipeline());
  });

  it('a second YAML document with platforms, and writes it back', () => {
    const pkg: PipelinePackage = { ...twoStepPipeline(), platformSpec: PLATFORMS };
    const text = serializePipelinePackage(pkg);
    expect(text).toMatch(/^# PIPELINE DEFINITION\n# Name: two-step\n/);
    expect(text).toContain('\n---\nplatforms:');
    expect(readPipelinePackage(bytes(text))).toEqual(pkg);
  });

  it('JSON, as a PipelineSpec or as the backend’s {pipeline_spec, platform_spec}', () => {
    const spec = twoStepPipeline().pipelineSpec;
    expect(readPipelinePackage(bytes(JSON.stringify(spec)), 'p.json')).toEqual(twoStepPipeline());
    const struct = { pipeline_spec: spec, platform_spec: PLATFORMS };
    expect(readPipelinePackage(bytes(JSON.stringify(struct)))).toEqual({
      pipelineSpec: spec,
      platformSpec: PLATFORMS,
    });
    expect(pipelinePackageFromValue({ pipeline_spec: spec, platform_spec: {} })).toEqual(
      twoStepPipeline(),
    );
  });
});

describe('readPipelinePackage rejects', () => {
  it.each([
    ['an empty file', '', /is empty/],
    ['a file of comments', '# PIPELINE DEFINITION\n# Name: echo\n', /is empty/],
    ['a list', '- a\n- b\n', /not a pipeline: its top level is a list/],
    ['a scalar', 'hello\n', /not a pipeline: its top level is a string/],
    ['three documents', 'a: 1\n---\nb: 2\n---\nc: 3\n', /holds 3 YAML documents/],
    [
      'a second document without platforms',
      'pipelineInfo: {name: x}\nroot: {}\n---\nfoo: 1\n',
      /document 2 must be a PlatformSpec/,
    ],
    [
      'an Argo workflow',
      'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n',
      /Argo Workflow.*KFP v2 SDK/,
    ],
    [
      'a Kubernetes manifest',
      'apiVersion: pipelines.kubeflow.org/v2beta1\nkind: PipelineVersion\n',
      /kind: PipelineVersion/,
    ],
    [
      'a component',
      'name: train\nimplementation: {container: {image: x}}\n',
      /component definition/,
    ],
  ])('%s', (_what, text, message) => {
    expect(rejection(bytes(text), 'p.yaml').message).toMatch(message);
  });
});

describe('serializePipelinePackage', () => {
  it('round-trips any JSON the spec may carry in unknown fields and constants', () => {
    const json = fc
      .jsonValue({ maxDepth: 4, stringUnit: 'grapheme' })
      .filter((value) => !JSON.stringify(value).includes('"__proto__"'));
    fc.assert(
      fc.property(json, json, (extra, constant) => {
        const pkg = twoStepPipeline();
        const produce = rootTask(pkg.pipelineSpec, 'produce') as unknown as Record<
          string,
          ProtoValue
        >;
        produce.futureField = extra as ProtoValue;
        pkg.platformSpec = { platforms: { kubernetes: { value: constant as ProtoValue } } };
        expect(readPipelinePackage(bytes(serializePipelinePackage(pkg)))).toEqual(pkg);
      }),
      { numRuns: 300 },
    );
  });

  it('quotes strings YAML 1.1 readers would take for other types', () => {
    const pkg = twoStepPipeline();
    pkg.pipelineSpec.sdkVersion = 'yes';
    pkg.pipelineSpec.defaultPipelineRoot = '0o17';
    const text = serializePipelinePackage(pkg);
    expect(text).toContain('sdkVersion: "yes"');
    expect(text).toContain('defaultPipelineRoot: "0o17"');
    expect(findPipelineProblems(readPipelinePackage(bytes(text)))).toEqual([]);
  });
});
