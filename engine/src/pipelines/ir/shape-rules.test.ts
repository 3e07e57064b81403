import { describe, expect, it } from 'vitest';
import { findPipelineProblems } from './ir-validator.js';
import type { PipelinePackage } from './pipeline-spec.js';
import { twoStepPipeline } from './testing/two-step-pipeline.js';

/** The fixture as plain JSON with one field replaced, the way a bad upload arrives. */
function withField(path: string[], value: unknown): PipelinePackage {
  const pkg = JSON.parse(JSON.stringify(twoStepPipeline())) as Record<string, unknown>;
  let at: Record<string, unknown> = pkg;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path.at(-1) ?? ''] = value;
  return pkg as unknown as PipelinePackage;
}

describe('shape rules', () => {
  it('report a missing pipeline name and say how to set it', () => {
    expect(findPipelineProblems(withField(['pipelineSpec', 'pipelineInfo', 'name'], null))).toEqual(
      [
        {
          path: 'pipelineInfo.name',
          message: 'must be a string, not null; give the pipeline a name (@dsl.pipeline(name=...))',
        },
      ],
    );
  });

  it.each([
    [
      ['pipelineSpec', 'root', 'dag', 'tasks'],
      ['a'],
      'root.dag.tasks',
      'must be a mapping, not a list',
    ],
    [
      [
        'pipelineSpec',
        'components',
        'comp-produce',
        'inputDefinitions',
        'parameters',
        'text',
        'parameterType',
      ],
      'TEXT',
      'components.comp-produce.inputDefinitions.parameters.text.parameterType',
      /must be one of STRING, NUMBER_INTEGER.*not the string "TEXT"/,
    ],
    [
      ['pipelineSpec', 'deploymentSpec', 'executors', 'exec-produce', 'container', 'image'],
      3,
      'deploymentSpec.executors.exec-produce.container.image',
      'must be a string, not number 3',
    ],
    [
      ['pipelineSpec', 'deploymentSpec', 'executors', 'exec-produce', 'container', 'args'],
      'x',
      'deploymentSpec.executors.exec-produce.container.args',
      'must be a list, not the string "x"',
    ],
    [
      ['pipelineSpec', 'root', 'dag', 'tasks', 'produce', 'componentRef'],
      undefined,
      'root.dag.tasks.produce.componentRef',
      'is required',
    ],
    [
      ['platformSpec'],
      { platforms: 1 },
      'platformSpec.platforms',
      'must be a mapping, not number 1',
    ],
  ])('report %j with a wrong type', (path, value, where, message) => {
    expect(findPipelineProblems(withField(path, value))).toEqual([
      {
        path: where,
        message: typeof message === 'string' ? message : (expect.stringMatching(message) as string),
      },
    ]);
  });

  it('report an unknown top-level field and guess what was meant', () => {
    const pkg = withField(['pipelineSpec', 'components_1'], {});
    expect(findPipelineProblems(pkg)).toEqual([
      { path: 'components_1', message: 'unknown top-level field; did you mean "components"?' },
    ]);
  });

  it('keep unknown fields below the top level', () => {
    const pkg = withField(['pipelineSpec', 'root', 'dag', 'tasks', 'produce', 'futureField'], {
      x: 1,
    });
    expect(findPipelineProblems(pkg)).toEqual([]);
  });

  it.each([null, 'text', 42, [], {}, { pipelineSpec: [] }])(
    'report %j as a package of the wrong shape',
    (value) => {
      const problems = findPipelineProblems(value as unknown as PipelinePackage);
      expect(problems.length).toBeGreaterThan(0);
    },
  );
});
