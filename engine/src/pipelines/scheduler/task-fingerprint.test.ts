import { describe, expect, it } from 'vitest';
import type { ComponentSpec, ContainerSpec } from '../ir/pipeline-spec.js';
import type { TaskIo } from './run-model.js';
import { canonicalJson, taskFingerprint } from './task-fingerprint.js';

const component: ComponentSpec = {
  executorLabel: 'exec-add',
  inputDefinitions: { parameters: { a: { parameterType: 'NUMBER_INTEGER' } } },
  outputDefinitions: { parameters: { Output: { parameterType: 'NUMBER_INTEGER' } } },
};
const container: ContainerSpec = {
  image: 'local/python:3.11',
  command: ['python3'],
  args: ['{{$}}'],
};
const dataset = {
  artifactId: 'a1',
  name: 'd',
  type: { schemaTitle: 'system.Dataset' },
  uri: '/r/d',
  metadata: {},
};
const inputs: TaskIo = { parameters: { a: 1, b: 'x' }, artifacts: { d: [dataset] } };

describe('taskFingerprint', () => {
  it('is stable whatever the key order', () => {
    const reordered: TaskIo = { artifacts: { d: [dataset] }, parameters: { b: 'x', a: 1 } };
    expect(taskFingerprint({ component, container, inputs })).toBe(
      taskFingerprint({ component, container, inputs: reordered }),
    );
    expect(taskFingerprint({ component, container, inputs })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with a parameter value, the mapped image or the command', () => {
    const base = taskFingerprint({ component, container, inputs });
    expect(
      taskFingerprint({
        component,
        container,
        inputs: { ...inputs, parameters: { a: 2, b: 'x' } },
      }),
    ).not.toBe(base);
    expect(
      taskFingerprint({ component, container: { ...container, image: 'other' }, inputs }),
    ).not.toBe(base);
    expect(
      taskFingerprint({ component, container: { ...container, command: ['python'] }, inputs }),
    ).not.toBe(base);
  });

  it('depends on an input artifact URI and metadata but not on its id', () => {
    const base = taskFingerprint({ component, container, inputs });
    const renamed = { ...inputs, artifacts: { d: [{ ...dataset, artifactId: 'other-id' }] } };
    const moved = { ...inputs, artifacts: { d: [{ ...dataset, uri: '/r/e' }] } };
    const tagged = { ...inputs, artifacts: { d: [{ ...dataset, metadata: { rows: 3 } }] } };
    expect(taskFingerprint({ component, container, inputs: renamed })).toBe(base);
    expect(taskFingerprint({ component, container, inputs: moved })).not.toBe(base);
    expect(taskFingerprint({ component, container, inputs: tagged })).not.toBe(base);
  });

  it('uses only cacheKey when the pipeline sets one', () => {
    const keyed = taskFingerprint({ component, container, inputs, cacheKey: 'v1' });
    expect(
      taskFingerprint({
        component: {},
        container: { image: 'x' },
        inputs: { parameters: {}, artifacts: {} },
        cacheKey: 'v1',
      }),
    ).toBe(keyed);
    expect(taskFingerprint({ component, container, inputs, cacheKey: 'v2' })).not.toBe(keyed);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
  });
});
