/** Small PipelineSpecs for the graph's unit tests, shaped like kfp.compiler output. */

type Json = Record<string, unknown>;

const container = (image = 'python:3.11') => ({ container: { image, command: ['python3'] } });

function leaf(name: string): Json {
  return { executorLabel: `exec-${name}` };
}

/**
 * flip-coin → condition-1 (heads) { for-loop-2 over 3 items { print-op } } inside
 * exit-handler-1 { flip-coin, condition-1, nested pipeline } and an exit task after it.
 */
export function controlFlowSpec(): Json {
  return {
    pipelineInfo: { name: 'control-flow' },
    components: {
      'comp-flip-coin': leaf('flip-coin'),
      'comp-print-op': leaf('print-op'),
      'comp-cleanup': leaf('cleanup'),
      'comp-load': leaf('load'),
      'comp-for-loop-2': {
        dag: {
          tasks: {
            'print-op': { componentRef: { name: 'comp-print-op' }, taskInfo: { name: 'print-op' } },
          },
        },
      },
      'comp-condition-1': {
        dag: {
          tasks: {
            'for-loop-2': {
              componentRef: { name: 'comp-for-loop-2' },
              parameterIterator: {
                items: { raw: '[1, 2, 3]' },
                itemInput: 'pipelinechannel--loop-item-param-1',
              },
              taskInfo: { name: 'for-loop-2' },
            },
          },
        },
      },
      'comp-inner-pipeline': {
        dag: {
          tasks: { load: { componentRef: { name: 'comp-load' }, taskInfo: { name: 'load' } } },
        },
      },
      'comp-exit-handler-1': {
        dag: {
          tasks: {
            'flip-coin': {
              componentRef: { name: 'comp-flip-coin' },
              taskInfo: { name: 'Flip a coin' },
            },
            'condition-1': {
              componentRef: { name: 'comp-condition-1' },
              dependentTasks: ['flip-coin'],
              inputs: {
                parameters: {
                  'pipelinechannel--flip-coin-Output': {
                    taskOutputParameter: {
                      producerTask: 'flip-coin',
                      outputParameterKey: 'Output',
                    },
                  },
                },
              },
              taskInfo: { name: 'condition-1' },
              triggerPolicy: {
                condition:
                  "inputs.parameter_values['pipelinechannel--flip-coin-Output'] == 'heads'",
              },
            },
            'inner-pipeline': {
              componentRef: { name: 'comp-inner-pipeline' },
              dependentTasks: ['flip-coin'],
              taskInfo: { name: 'inner-pipeline' },
            },
          },
        },
      },
    },
    deploymentSpec: {
      executors: {
        'exec-flip-coin': container(),
        'exec-print-op': container(),
        'exec-cleanup': container(),
        'exec-load': { importer: { artifactUri: { constant: 'file:///data' } } },
      },
    },
    root: {
      dag: {
        tasks: {
          'exit-handler-1': {
            componentRef: { name: 'comp-exit-handler-1' },
            taskInfo: { name: 'exit-handler-1' },
          },
          cleanup: {
            componentRef: { name: 'comp-cleanup' },
            dependentTasks: ['exit-handler-1'],
            taskInfo: { name: 'cleanup' },
            triggerPolicy: { strategy: 'ALL_UPSTREAM_TASKS_COMPLETED' },
          },
        },
      },
    },
  };
}

/** `layers` × `width` container tasks; each task reads an artifact of one in the layer above. */
export function layeredSpec(layers: number, width: number): Json {
  const tasks: Json = {};
  const components: Json = {};
  const executors: Json = {};
  for (let l = 0; l < layers; l++) {
    for (let i = 0; i < width; i++) {
      const key = `task-${l}-${i}`;
      components[`comp-${key}`] = leaf(key);
      executors[`exec-${key}`] = container();
      const producer = l > 0 ? `task-${l - 1}-${(i * 7) % width}` : undefined;
      tasks[key] = {
        componentRef: { name: `comp-${key}` },
        taskInfo: { name: key },
        ...(producer
          ? {
              dependentTasks: [
                producer,
                ...(i % 3 === 0 ? [`task-${l - 1}-${(i + 1) % width}`] : []),
              ],
              inputs: {
                artifacts: {
                  data: {
                    taskOutputArtifact: { producerTask: producer, outputArtifactKey: 'out' },
                  },
                },
              },
            }
          : {}),
      };
    }
  }
  return {
    pipelineInfo: { name: 'layered' },
    components,
    deploymentSpec: { executors },
    root: { dag: { tasks } },
  };
}
