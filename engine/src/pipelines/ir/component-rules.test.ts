import { describe, expect, it } from 'vitest';
import { findPipelineProblems } from './ir-validator.js';
import {
  component,
  present,
  rootTask,
  twoStepPipeline,
  twoStepPipelineWith,
} from './testing/two-step-pipeline.js';

describe('component rules', () => {
  it('find nothing wrong with a well-formed pipeline', () => {
    expect(findPipelineProblems(twoStepPipeline())).toEqual([]);
  });

  it('require a pipeline name', () => {
    const pkg = twoStepPipelineWith((spec) => (spec.pipelineInfo.name = ' '));
    expect(findPipelineProblems(pkg)).toEqual([
      { path: 'pipelineInfo.name', message: expect.stringMatching(/empty/) as string },
    ]);
  });

  it('require a root DAG', () => {
    const pkg = twoStepPipelineWith((spec) => delete spec.root.dag);
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag',
      message: expect.stringMatching(/required/) as string,
    });
  });

  it('report a componentRef to a missing component', () => {
    const pkg = twoStepPipelineWith(
      (spec) => (rootTask(spec, 'consume').componentRef.name = 'comp-nope'),
    );
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.consume.componentRef.name',
      message: 'no component "comp-nope" in components (it has "comp-produce", "comp-consume")',
    });
  });

  it('do not mistake Object.prototype members for components', () => {
    const pkg = twoStepPipelineWith(
      (spec) => (rootTask(spec, 'consume').componentRef.name = 'toString'),
    );
    expect(findPipelineProblems(pkg).map((problem) => problem.path)).toContain(
      'root.dag.tasks.consume.componentRef.name',
    );
  });

  it('report an executorLabel with no executor', () => {
    const pkg = twoStepPipelineWith(
      (spec) => (component(spec, 'comp-produce').executorLabel = 'exec-x'),
    );
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'components.comp-produce.executorLabel',
      message: 'no executor "exec-x" in deploymentSpec.executors',
    });
  });

  it('require exactly one of executorLabel and dag', () => {
    const neither = twoStepPipelineWith(
      (spec) => delete component(spec, 'comp-consume').executorLabel,
    );
    expect(findPipelineProblems(neither)).toContainEqual({
      path: 'components.comp-consume',
      message: expect.stringMatching(/has neither executorLabel and dag/) as string,
    });
    const both = twoStepPipelineWith((spec) => {
      component(spec, 'comp-consume').dag = { tasks: {} };
    });
    expect(findPipelineProblems(both)).toContainEqual({
      path: 'components.comp-consume',
      message: expect.stringMatching(/has both/) as string,
    });
  });

  it('require exactly one known executor kind', () => {
    const none = twoStepPipelineWith((spec) => {
      present(spec.deploymentSpec?.executors)['exec-consume'] = {};
    });
    expect(findPipelineProblems(none)).toContainEqual({
      path: 'deploymentSpec.executors.exec-consume',
      message: expect.stringMatching(/exactly one of container, importer.*found none/) as string,
    });
    const two = twoStepPipelineWith((spec) => {
      const executor = present(spec.deploymentSpec?.executors?.['exec-consume']);
      executor.resolver = { outputArtifactQueries: {} };
    });
    expect(findPipelineProblems(two)).toContainEqual({
      path: 'deploymentSpec.executors.exec-consume',
      message: expect.stringMatching(/found container and resolver/) as string,
    });
  });

  it('require a container image', () => {
    const pkg = twoStepPipelineWith((spec) => {
      present(spec.deploymentSpec?.executors?.['exec-consume']?.container).image = '';
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'deploymentSpec.executors.exec-consume.container.image',
      message: expect.stringMatching(/empty/) as string,
    });
  });

  it('require an importer URI from exactly one place', () => {
    const pkg = twoStepPipelineWith((spec) => {
      present(spec.deploymentSpec?.executors)['exec-consume'] = {
        importer: {
          artifactUri: { constant: 's3://bucket/data', runtimeParameter: 'uri' },
          typeSchema: { schemaTitle: 'system.Dataset' },
        },
      };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'deploymentSpec.executors.exec-consume.importer.artifactUri',
      message: 'must have exactly one of constant or runtimeParameter',
    });
  });

  it('report a component that runs itself through its DAG', () => {
    const pkg = twoStepPipelineWith((spec) => {
      const components = present(spec.components);
      components['comp-outer'] = {
        dag: {
          tasks: { inner: { taskInfo: { name: 'inner' }, componentRef: { name: 'comp-inner' } } },
        },
      };
      components['comp-inner'] = {
        dag: {
          tasks: { outer: { taskInfo: { name: 'outer' }, componentRef: { name: 'comp-outer' } } },
        },
      };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'components.comp-outer.dag',
      message:
        'component cycle comp-outer → comp-inner → comp-outer: a component cannot run itself',
    });
  });

  it('check parameter defaults against their declared type', () => {
    const pkg = twoStepPipelineWith((spec) => {
      present(spec.root.inputDefinitions?.parameters)['epochs'] = {
        parameterType: 'NUMBER_INTEGER',
        defaultValue: 'ten',
      };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.inputDefinitions.parameters.epochs.defaultValue',
      message: '"ten" is not a NUMBER_INTEGER value',
    });
  });
});
