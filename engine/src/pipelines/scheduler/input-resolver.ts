/**
 * A task's inputs from its DAG: parent inputs, upstream outputs, constants, the final
 * status of an upstream task and CEL selectors; optional inputs with no value are left
 * out (IfPresent placeholders and Python defaults handle them), component defaults apply.
 */
import { SkiffError } from '../../core/errors.js';
import type {
  ComponentSpec,
  PipelineTaskSpec,
  ProtoValue,
  TaskInputArtifact,
  TaskInputParameter,
} from '../ir/pipeline-spec.js';
import { evaluateParameterSelector } from './cel-condition.js';
import { expandParameterReferences, hasParameterReference } from './parameter-references.js';
import type { ArtifactRef, TaskIo } from './run-model.js';
import { finalStatusOf } from './task-final-status.js';
import type { DagResults, TaskOutcome } from './task-outcome.js';

export interface InputSources {
  /** Inputs of the DAG the task belongs to. */
  parent: TaskIo;
  /** Finished tasks of the same DAG. */
  results: DagResults;
  /** `pipelineJobResourceName` in TASK_FINAL_STATUS values. */
  jobResourceName: string;
}

export interface ResolveOptions {
  /** Loop tasks get their item input per iteration, so required inputs are checked later. */
  checkRequired: boolean;
}

export function resolveTaskInputs(
  task: PipelineTaskSpec,
  component: ComponentSpec,
  sources: InputSources,
  options: ResolveOptions = { checkRequired: true },
): TaskIo {
  const parameters: Record<string, ProtoValue> = {};
  const constants: string[] = [];
  for (const [name, input] of Object.entries(task.inputs?.parameters ?? {})) {
    let value = parameterValue(name, input, sources);
    if (value !== undefined && input.parameterExpressionSelector !== undefined) {
      value = evaluateParameterSelector(input.parameterExpressionSelector, value);
    }
    if (value === undefined) continue;
    parameters[name] = value;
    if (input.runtimeValue !== undefined && typeof value === 'string') constants.push(name);
  }
  // Constants may embed other inputs, e.g. f"heads and {random_num.output}" (kfp.local does the same).
  for (const name of constants) {
    const template = parameters[name];
    if (typeof template !== 'string' || !hasParameterReference(template)) continue;
    const others = Object.fromEntries(Object.entries(parameters).filter(([key]) => key !== name));
    parameters[name] = expandParameterReferences(template, others, `Input "${name}"`);
  }
  for (const [name, spec] of Object.entries(component.inputDefinitions?.parameters ?? {})) {
    if (parameters[name] === undefined && spec.defaultValue !== undefined)
      parameters[name] = spec.defaultValue;
  }
  const artifacts: Record<string, ArtifactRef[]> = {};
  for (const [name, input] of Object.entries(task.inputs?.artifacts ?? {})) {
    const list = artifactList(name, input, sources);
    if (list !== undefined) artifacts[name] = list;
  }
  if (options.checkRequired) checkRequired(task, component, { parameters, artifacts });
  return { parameters, artifacts };
}

function parameterValue(
  name: string,
  input: TaskInputParameter,
  sources: InputSources,
): ProtoValue | undefined {
  if (input.componentInputParameter !== undefined)
    return sources.parent.parameters[input.componentInputParameter];
  if (input.taskOutputParameter !== undefined) {
    const { producerTask, outputParameterKey } = input.taskOutputParameter;
    const producer = upstream(sources.results, producerTask, name);
    return producer.state === 'SUCCEEDED'
      ? producer.outputs.parameters[outputParameterKey]
      : undefined;
  }
  if (input.runtimeValue !== undefined) {
    const { constant, constantValue } = input.runtimeValue;
    if (constant !== undefined) return constant;
    if (constantValue?.stringValue !== undefined) return constantValue.stringValue;
    if (constantValue?.intValue !== undefined) return Number(constantValue.intValue);
    return constantValue?.doubleValue;
  }
  if (input.taskFinalStatus !== undefined) {
    const producerTask = input.taskFinalStatus.producerTask;
    return finalStatusOf(
      upstream(sources.results, producerTask, name),
      producerTask,
      sources.jobResourceName,
    );
  }
  throw new SkiffError(
    'INVALID_ARGUMENT',
    `Input parameter "${name}" has no source this version of Skiff understands.`,
  );
}

function artifactList(
  name: string,
  input: TaskInputArtifact,
  sources: InputSources,
): ArtifactRef[] | undefined {
  if (input.componentInputArtifact !== undefined)
    return copy(sources.parent.artifacts[input.componentInputArtifact]);
  if (input.taskOutputArtifact !== undefined) {
    const { producerTask, outputArtifactKey } = input.taskOutputArtifact;
    const producer = upstream(sources.results, producerTask, name);
    return producer.state === 'SUCCEEDED'
      ? copy(producer.outputs.artifacts[outputArtifactKey])
      : undefined;
  }
  throw new SkiffError(
    'INVALID_ARGUMENT',
    `Input artifact "${name}" has no source this version of Skiff understands.`,
  );
}

function upstream(results: DagResults, producerTask: string, input: string): TaskOutcome {
  const producer = results.get(producerTask);
  if (producer === undefined) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `Input "${input}" comes from task "${producerTask}", which is not a finished task of the same DAG.`,
    );
  }
  return producer;
}

function checkRequired(task: PipelineTaskSpec, component: ComponentSpec, inputs: TaskIo): void {
  const defs = component.inputDefinitions;
  for (const [name, spec] of Object.entries(defs?.parameters ?? {})) {
    if (spec.isOptional !== true && inputs.parameters[name] === undefined) {
      throw missing(
        `input parameter "${name}" (${spec.parameterType})`,
        task.inputs?.parameters?.[name],
      );
    }
  }
  for (const [name, spec] of Object.entries(defs?.artifacts ?? {})) {
    if (spec.isOptional !== true && inputs.artifacts[name] === undefined) {
      throw missing(`input artifact "${name}"`, task.inputs?.artifacts?.[name]);
    }
  }
}

function missing(
  what: string,
  source: TaskInputParameter | TaskInputArtifact | undefined,
): SkiffError {
  const producer =
    source && 'taskOutputParameter' in source
      ? source.taskOutputParameter
      : source && 'taskOutputArtifact' in source
        ? source.taskOutputArtifact
        : undefined;
  const parent =
    source && 'componentInputParameter' in source
      ? source.componentInputParameter
      : source && 'componentInputArtifact' in source
        ? source.componentInputArtifact
        : undefined;
  const why =
    producer !== undefined
      ? `task "${producer.producerTask}" did not produce it (it was skipped, or its branch was not taken)`
      : parent !== undefined
        ? `input "${parent}" of the enclosing pipeline or DAG has no value`
        : 'the task does not connect it to anything';
  return new SkiffError('FAILED_PRECONDITION', `The required ${what} has no value: ${why}.`);
}

function copy(list: ArtifactRef[] | undefined): ArtifactRef[] | undefined {
  return list?.map((artifact) => ({ ...artifact }));
}
