import { describe, expect, it } from 'vitest';
import { findPipelineProblems } from './ir-validator.js';
import {
  component,
  container,
  present,
  rootTask,
  twoStepPipelineWith,
} from './testing/two-step-pipeline.js';

const ARGS = 'deploymentSpec.executors.exec-consume.container.args';

function consumeArgs(...args: string[]) {
  return twoStepPipelineWith((spec) => (container(spec, 'exec-consume').args = args));
}

describe('placeholder rules', () => {
  it('report a placeholder that is no known form', () => {
    expect(findPipelineProblems(consumeArgs('--x', '{{$.inputs.nope}}'))).toEqual([
      { path: `${ARGS}[1]`, message: 'unknown placeholder "{{$.inputs.nope}}"' },
    ]);
  });

  it('report a placeholder naming an input the component does not have', () => {
    expect(
      findPipelineProblems(consumeArgs('a', 'b', 'c', "{{$.inputs.parameters['nope']}}")),
    ).toEqual([
      {
        path: `${ARGS}[3]`,
        message: `unknown placeholder "{{$.inputs.parameters['nope']}}": comp-consume has no input parameter "nope"`,
      },
    ]);
  });

  it('check artifact and output placeholders against the component', () => {
    const problems = findPipelineProblems(
      consumeArgs(
        "{{$.inputs.artifacts['model'].uri}}",
        "{{$.outputs.artifacts['report'].path}}",
        "{{$.outputs.parameters['score'].output_file}}",
      ),
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/has no input artifact "model"/),
      expect.stringMatching(/has no output artifact "report"/),
      expect.stringMatching(/has no output parameter "score"/),
    ]);
  });

  it('accept run values, the executor input and the metadata file anywhere in a string', () => {
    const pkg = consumeArgs(
      'job={{$.pipeline_job_name}}/{{$.pipeline_task_name}}',
      '{{$}}',
      '{{$.outputs.output_file}}',
      "--n={{$.inputs.parameters['count']}}",
    );
    expect(findPipelineProblems(pkg)).toEqual([]);
  });

  it('check inside Concat and IfPresent, and the input IfPresent names', () => {
    const concat = JSON.stringify({ Concat: ['--data=', "{{$.inputs.artifacts['data'].uri}}"] });
    const ifPresent = JSON.stringify({
      IfPresent: { InputName: 'limit', Then: ["{{$.inputs.parameters['limit']}}"] },
    });
    const problems = findPipelineProblems(consumeArgs(concat, ifPresent));
    expect(problems).toEqual([
      {
        path: `${ARGS}[1]`,
        message: 'IfPresent names "limit", which is not an input of comp-consume',
      },
      {
        path: `${ARGS}[1]`,
        message: expect.stringMatching(/no input parameter "limit"/) as string,
      },
    ]);
  });

  it('report malformed structured placeholders and lists inside Concat', () => {
    const listInConcat = JSON.stringify({
      Concat: [{ IfPresent: { InputName: 'count', Then: ['a', 'b'] } }],
    });
    const problems = findPipelineProblems(consumeArgs('{"Concat": "x"}', listInConcat));
    expect(problems).toEqual([
      { path: `${ARGS}[0]`, message: expect.stringMatching(/"Concat" must be a list/) as string },
      {
        path: `${ARGS}[1]`,
        message: expect.stringMatching(/single Then and Else element/) as string,
      },
    ]);
  });

  it('let resource placeholders use inputs every calling task passes', () => {
    const pkg = twoStepPipelineWith((spec) => {
      container(spec, 'exec-consume').resources = {
        resourceCpuLimit: "{{$.inputs.parameters['pipelinechannel--cpu']}}",
        accelerator: { resourceCount: "{{$.inputs.parameters['pipelinechannel--gpus']}}" },
      };
      present(rootTask(spec, 'consume').inputs?.parameters)['pipelinechannel--cpu'] = {
        componentInputParameter: 'text',
      };
    });
    expect(findPipelineProblems(pkg)).toEqual([
      {
        path: 'deploymentSpec.executors.exec-consume.container.resources.accelerator.resourceCount',
        message: expect.stringMatching(/no input parameter "pipelinechannel--gpus"/) as string,
      },
    ]);
  });

  it('check importer URI parameters and metadata placeholders', () => {
    const pkg = twoStepPipelineWith((spec) => {
      present(spec.deploymentSpec?.executors)['exec-consume'] = {
        importer: {
          artifactUri: { runtimeParameter: 'uri' },
          typeSchema: { schemaTitle: 'system.Dataset' },
          metadata: {
            name: ["{{$.inputs.parameters['count']}}", "{{$.inputs.parameters['tag']}}"],
          },
        },
      };
      component(spec, 'comp-consume').outputDefinitions = {};
    });
    expect(findPipelineProblems(pkg)).toEqual([
      {
        path: 'deploymentSpec.executors.exec-consume.importer.artifactUri.runtimeParameter',
        message: 'comp-consume has no input parameter "uri"',
      },
      {
        path: 'deploymentSpec.executors.exec-consume.importer.metadata.name[1]',
        message: expect.stringMatching(/no input parameter "tag"/) as string,
      },
    ]);
  });

  it('check only the syntax of an executor no component uses', () => {
    const pkg = twoStepPipelineWith((spec) => {
      present(spec.deploymentSpec?.executors)['exec-spare'] = {
        container: {
          image: 'busybox',
          args: ["{{$.inputs.parameters['anything']}}", '{{$.what}}'],
        },
      };
    });
    expect(findPipelineProblems(pkg)).toEqual([
      {
        path: 'deploymentSpec.executors.exec-spare.container.args[1]',
        message: 'unknown placeholder "{{$.what}}"',
      },
    ]);
  });
});

describe('constant placeholder rules', () => {
  it('require placeholders in constants to name an input of the same task', () => {
    const pkg = twoStepPipelineWith((spec) => {
      const inputs = present(rootTask(spec, 'produce').inputs?.parameters);
      inputs['text'] = {
        runtimeValue: { constant: ["{{$.inputs.parameters['pipelinechannel--x']}}"] },
      };
    });
    expect(findPipelineProblems(pkg)).toContainEqual({
      path: 'root.dag.tasks.produce.inputs.parameters.text.runtimeValue.constant[0]',
      message: `placeholder "{{$.inputs.parameters['pipelinechannel--x']}}" names no input of this task (it has "text")`,
    });
  });
});
