import { describe, expect, it } from 'vitest';
import { findPipelineProblems } from './ir-validator.js';
import type { PipelineSpec } from './pipeline-spec.js';
import { component, present, rootTask, twoStepPipelineWith } from './testing/two-step-pipeline.js';

const ITERATOR = 'root.dag.tasks.consume.parameterIterator';

/** `consume` loops over a LIST input `counts`, one `count` per iteration. */
function loopOverCounts(spec: PipelineSpec): void {
  const consume = rootTask(spec, 'consume');
  delete present(consume.inputs?.parameters)['count'];
  present(consume.inputs?.parameters)['counts'] = { runtimeValue: { constant: [1, 2] } };
  present(component(spec, 'comp-consume').inputDefinitions?.parameters)['counts'] = {
    parameterType: 'LIST',
  };
  consume.parameterIterator = { items: { inputParameter: 'counts' }, itemInput: 'count' };
}

describe('iterator rules', () => {
  it('accept a loop over an input of the loop component', () => {
    expect(findPipelineProblems(twoStepPipelineWith(loopOverCounts))).toEqual([]);
  });

  it('report items.inputParameter that the loop component does not declare', () => {
    const pkg = twoStepPipelineWith((spec) => {
      loopOverCounts(spec);
      present(rootTask(spec, 'consume').parameterIterator).items = { inputParameter: 'sizes' };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: `${ITERATOR}.items.inputParameter`,
      message: `the loop's component comp-consume has no input parameter "sizes" (it has "count", "counts")`,
    });
  });

  it('report an itemInput that the loop component does not declare', () => {
    const pkg = twoStepPipelineWith((spec) => {
      loopOverCounts(spec);
      present(rootTask(spec, 'consume').parameterIterator).itemInput = 'item';
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: `${ITERATOR}.itemInput`,
      message: expect.stringMatching(/no input parameter "item"/) as string,
    });
  });

  it('require raw items to be a JSON list, and one kind of items', () => {
    const raw = twoStepPipelineWith((spec) => {
      loopOverCounts(spec);
      present(rootTask(spec, 'consume').parameterIterator).items = { raw: '{"a": 1}' };
    });
    expect(findPipelineProblems(raw)).toContainEqual({
      path: `${ITERATOR}.items.raw`,
      message: expect.stringMatching(/JSON list/) as string,
    });
    const both = twoStepPipelineWith((spec) => {
      loopOverCounts(spec);
      present(rootTask(spec, 'consume').parameterIterator).items = {
        raw: '[1]',
        inputParameter: 'counts',
      };
    });
    expect(findPipelineProblems(both)).toContainEqual({
      path: `${ITERATOR}.items`,
      message: 'must have exactly one of raw or inputParameter',
    });
  });

  it('check artifact iterators against input artifacts', () => {
    const pkg = twoStepPipelineWith((spec) => {
      rootTask(spec, 'consume').artifactIterator = {
        items: { inputArtifact: 'datasets' },
        itemInput: 'data',
      };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.consume.artifactIterator.items.inputArtifact',
      message: `the loop's component comp-consume has no input artifact "datasets" (it has "data")`,
    });
  });
});
