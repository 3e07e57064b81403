/**
 * The shape of a PipelinePackage as a zod schema: every field the engine reads has the
 * JSON type pipeline-spec.ts declares. Unknown fields pass through, because a newer SDK
 * may add some and an exported pipeline must keep them.
 */
import * as z from 'zod';
import type { ParameterType, ProtoValue } from './pipeline-spec.js';

const PARAMETER_TYPES = [
  'STRING',
  'NUMBER_INTEGER',
  'NUMBER_DOUBLE',
  'BOOLEAN',
  'LIST',
  'STRUCT',
  'TASK_FINAL_STATUS',
  'TASK_CONFIG',
  'PARAMETER_TYPE_ENUM_UNSPECIFIED',
] as const satisfies readonly ParameterType[];

/** The fields of a PipelineSpec (pipeline_spec.proto). */
export const PIPELINE_SPEC_FIELDS = [
  'pipelineInfo',
  'root',
  'components',
  'deploymentSpec',
  'schemaVersion',
  'sdkVersion',
  'defaultPipelineRoot',
];

const value = z.custom<ProtoValue>(() => true);
const text = z.string();
const flag = z.boolean();
const number = z.number();
const loose = z.looseObject;
const map = <T extends z.ZodType>(item: T) => z.record(z.string(), item);

const artifactType = loose({ schemaTitle: text.optional(), schemaVersion: text.optional() });
const interfaceDefinitions = loose({
  parameters: map(
    loose({
      parameterType: z.enum(PARAMETER_TYPES),
      defaultValue: value.optional(),
      isOptional: flag.optional(),
      description: text.optional(),
      literals: z.array(value).optional(),
    }),
  ).optional(),
  artifacts: map(
    loose({
      artifactType,
      isArtifactList: flag.optional(),
      isOptional: flag.optional(),
      description: text.optional(),
      metadata: map(value).optional(),
    }),
  ).optional(),
});

const parameterSelector = loose({ producerSubtask: text, outputParameterKey: text });
const taskParameterInput = loose({
  componentInputParameter: text.optional(),
  taskOutputParameter: loose({ producerTask: text, outputParameterKey: text }).optional(),
  runtimeValue: loose({ constant: value.optional() }).optional(),
  taskFinalStatus: loose({ producerTask: text }).optional(),
  parameterExpressionSelector: text.optional(),
});
const taskArtifactInput = loose({
  taskOutputArtifact: loose({ producerTask: text, outputArtifactKey: text }).optional(),
  componentInputArtifact: text.optional(),
});

const task = loose({
  taskInfo: loose({ name: text }),
  componentRef: loose({ name: text }),
  dependentTasks: z.array(text).optional(),
  inputs: loose({
    parameters: map(taskParameterInput).optional(),
    artifacts: map(taskArtifactInput).optional(),
  }).optional(),
  cachingOptions: loose({ enableCache: flag.optional(), cacheKey: text.optional() }).optional(),
  triggerPolicy: loose({
    condition: text.optional(),
    strategy: z
      .enum([
        'TRIGGER_STRATEGY_UNSPECIFIED',
        'ALL_UPSTREAM_TASKS_SUCCEEDED',
        'ALL_UPSTREAM_TASKS_COMPLETED',
      ])
      .optional(),
  }).optional(),
  parameterIterator: loose({
    items: loose({ raw: text.optional(), inputParameter: text.optional() }),
    itemInput: text,
  }).optional(),
  artifactIterator: loose({ items: loose({ inputArtifact: text }), itemInput: text }).optional(),
  iteratorPolicy: loose({ parallelismLimit: number.optional() }).optional(),
  retryPolicy: loose({
    maxRetryCount: number.optional(),
    backoffDuration: text.optional(),
    backoffFactor: number.optional(),
    backoffMaxDuration: text.optional(),
  }).optional(),
});

const dag = loose({
  tasks: map(task),
  outputs: loose({
    parameters: map(
      loose({
        valueFromParameter: parameterSelector.optional(),
        valueFromOneof: loose({ parameterSelectors: z.array(parameterSelector) }).optional(),
      }),
    ).optional(),
    artifacts: map(
      loose({
        artifactSelectors: z.array(loose({ producerSubtask: text, outputArtifactKey: text })),
      }),
    ).optional(),
  }).optional(),
});

const component = loose({
  inputDefinitions: interfaceDefinitions.optional(),
  outputDefinitions: interfaceDefinitions.optional(),
  executorLabel: text.optional(),
  dag: dag.optional(),
});

const resourceAmount = z.union([number, text]);
const container = loose({
  image: text,
  command: z.array(text).optional(),
  args: z.array(text).optional(),
  env: z.array(loose({ name: text, value: text })).optional(),
  resources: loose({
    cpuLimit: resourceAmount.optional(),
    memoryLimit: resourceAmount.optional(),
    cpuRequest: resourceAmount.optional(),
    memoryRequest: resourceAmount.optional(),
    resourceCpuLimit: text.optional(),
    resourceMemoryLimit: text.optional(),
    resourceCpuRequest: text.optional(),
    resourceMemoryRequest: text.optional(),
    accelerator: loose({
      type: text.optional(),
      count: resourceAmount.optional(),
      resourceType: text.optional(),
      resourceCount: text.optional(),
    }).optional(),
  }).optional(),
});
const importer = loose({
  artifactUri: loose({ constant: value.optional(), runtimeParameter: text.optional() }),
  typeSchema: artifactType,
  metadata: map(value).optional(),
  reimport: flag.optional(),
});

const pipelineSpec = loose({
  pipelineInfo: loose({ name: text, displayName: text.optional(), description: text.optional() }),
  root: component,
  components: map(component).optional(),
  deploymentSpec: loose({
    executors: map(
      loose({ container: container.optional(), importer: importer.optional() }),
    ).optional(),
  }).optional(),
  schemaVersion: text.optional(),
  sdkVersion: text.optional(),
  defaultPipelineRoot: text.optional(),
});

export const pipelinePackageSchema = z.object({
  pipelineSpec,
  platformSpec: loose({ platforms: map(value) }).optional(),
});
