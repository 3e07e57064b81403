import { describe, expect, it } from 'vitest';
import { SkiffError } from '../../core/errors.js';
import { findPipelineProblems, validatePipelineSpec } from './ir-validator.js';
import { rootTask, twoStepPipeline, twoStepPipelineWith } from './testing/two-step-pipeline.js';

function thrownBy(work: () => void): SkiffError {
  try {
    work();
  } catch (error) {
    if (error instanceof SkiffError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('validatePipelineSpec', () => {
  it('accepts a valid pipeline', () => {
    expect(() => validatePipelineSpec(twoStepPipeline())).not.toThrow();
  });

  it('throws the first problem with its path, and lists them all in details', () => {
    const pkg = twoStepPipelineWith((spec) => {
      rootTask(spec, 'consume').dependentTasks = ['prep'];
      rootTask(spec, 'produce').componentRef.name = 'comp-nope';
    });
    const error = thrownBy(() => validatePipelineSpec(pkg));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe(
      'root.dag.tasks.produce.componentRef.name: no component "comp-nope" in components (it has "comp-produce", "comp-consume") (and 1 more problem)',
    );
    expect(error.details.path).toBe('root.dag.tasks.produce.componentRef.name');
    expect(error.details.problems).toEqual(findPipelineProblems(pkg));
  });

  it('caps the number of problems it reports', () => {
    const pkg = twoStepPipelineWith((spec) => {
      rootTask(spec, 'consume').dependentTasks = Array.from(
        { length: 500 },
        (_, index) => `t${index}`,
      );
    });
    expect(findPipelineProblems(pkg)).toHaveLength(100);
  });

  it('stays fast on a large spec where every task is wrong', () => {
    const pkg = twoStepPipelineWith((spec) => {
      const tasks = spec.root.dag?.tasks ?? {};
      for (let index = 0; index < 20_000; index++) {
        tasks[`t${index}`] = {
          taskInfo: { name: `t${index}` },
          componentRef: { name: 'comp-consume' },
          dependentTasks: [`missing${index}`],
          inputs: { parameters: { nope: { componentInputParameter: 'absent' } } },
        };
      }
    });
    const started = performance.now();
    expect(findPipelineProblems(pkg)).toHaveLength(100);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
