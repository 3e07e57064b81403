/**
 * A minimal, valid pipeline written for the IR tests: `produce` writes a Dataset and a
 * count, `consume` reads both. Tests clone it and break one thing at a time.
 */
import type {
  ComponentSpec,
  ContainerSpec,
  PipelinePackage,
  PipelineSpec,
  PipelineTaskSpec,
} from '../pipeline-spec.js';

const DATASET = { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' };

export function twoStepPipeline(): PipelinePackage {
  const pipelineSpec: PipelineSpec = {
    pipelineInfo: { name: 'two-step' },
    schemaVersion: '2.1.0',
    sdkVersion: 'kfp-2.14.3',
    root: {
      inputDefinitions: {
        parameters: { text: { parameterType: 'STRING', defaultValue: 'hello', isOptional: true } },
      },
      dag: {
        tasks: {
          produce: {
            taskInfo: { name: 'produce' },
            componentRef: { name: 'comp-produce' },
            inputs: { parameters: { text: { componentInputParameter: 'text' } } },
          },
          consume: {
            taskInfo: { name: 'consume' },
            componentRef: { name: 'comp-consume' },
            dependentTasks: ['produce'],
            inputs: {
              parameters: {
                count: {
                  taskOutputParameter: { producerTask: 'produce', outputParameterKey: 'count' },
                },
              },
              artifacts: {
                data: {
                  taskOutputArtifact: { producerTask: 'produce', outputArtifactKey: 'data' },
                },
              },
            },
          },
        },
      },
    },
    components: {
      'comp-produce': {
        executorLabel: 'exec-produce',
        inputDefinitions: { parameters: { text: { parameterType: 'STRING' } } },
        outputDefinitions: {
          parameters: { count: { parameterType: 'NUMBER_INTEGER' } },
          artifacts: { data: { artifactType: DATASET } },
        },
      },
      'comp-consume': {
        executorLabel: 'exec-consume',
        inputDefinitions: {
          parameters: { count: { parameterType: 'NUMBER_INTEGER' } },
          artifacts: { data: { artifactType: DATASET } },
        },
      },
    },
    deploymentSpec: {
      executors: {
        'exec-produce': {
          container: {
            image: 'python:3.11',
            command: ['sh', '-c', 'echo "$0" > "$1" && echo 3 > "$2"'],
            args: [
              "{{$.inputs.parameters['text']}}",
              "{{$.outputs.artifacts['data'].path}}",
              "{{$.outputs.parameters['count'].output_file}}",
            ],
          },
        },
        'exec-consume': {
          container: {
            image: 'python:3.11',
            command: ['sh', '-c', 'cat "$0" && echo "$1"'],
            args: ["{{$.inputs.artifacts['data'].path}}", "{{$.inputs.parameters['count']}}"],
          },
        },
      },
    },
  };
  return { pipelineSpec };
}

/** The two-step pipeline after `change` — one deliberate mistake, usually. */
export function twoStepPipelineWith(change: (spec: PipelineSpec) => void): PipelinePackage {
  const pkg = twoStepPipeline();
  change(pkg.pipelineSpec);
  return pkg;
}

/** `value`, asserting it is there: for reaching into the fixture without `!`. */
export function present<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('fixture field is missing');
  return value;
}

export function rootTask(spec: PipelineSpec, name: string): PipelineTaskSpec {
  return present(spec.root.dag?.tasks[name]);
}

export function component(spec: PipelineSpec, name: string): ComponentSpec {
  return present(spec.components?.[name]);
}

export function container(spec: PipelineSpec, executor: string): ContainerSpec {
  return present(spec.deploymentSpec?.executors?.[executor]?.container);
}
