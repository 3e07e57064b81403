/**
 * Rules for each input a task passes to the component it runs: it has one source;
 * `componentInputParameter`/`componentInputArtifact` name an input of the enclosing
 * component; its name is one the callee declares; and its type (or its constant's) agrees
 * with the declared one. Inputs left out are required-input-rules.ts's concern.
 */
import { artifactTypeAccepts, constantProblem, parameterTypeAccepts } from './parameter-types.js';
import type {
  ComponentSpec,
  ParameterSpec,
  PipelineSpec,
  PipelineTaskSpec,
  TaskInputArtifact,
  TaskInputParameter,
} from './pipeline-spec.js';
import { quotedKeys, type PipelineProblem } from './pipeline-problem.js';
import { hasPlaceholders } from './placeholder-syntax.js';
import * as nav from './spec-navigation.js';

/**
 * Inputs the compiler adds that the callee does not declare: `pipelinechannel--…` values,
 * and constants carrying such a value into a placeholder (e.g. `cpu_limit` for
 * `.set_cpu_limit(pipeline_input)`). Any other undeclared name is a mistake.
 */
function isCompilerInput(name: string, source: TaskInputParameter): boolean {
  const constant = source.runtimeValue?.constant;
  return (
    name.startsWith('pipelinechannel--') ||
    (typeof constant === 'string' && hasPlaceholders(constant))
  );
}

interface TaskScope {
  spec: PipelineSpec;
  scope: nav.DagScope;
  task: PipelineTaskSpec;
  callee: ComponentSpec;
  calleeName: string;
}

export function findTaskInputProblems(spec: PipelineSpec): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  for (const scope of nav.dagScopes(spec)) {
    for (const [name, task] of nav.entriesOf(scope.dag.tasks)) {
      const callee = nav.calleeOf(spec, task);
      if (!callee) continue; // reported by the componentRef rule
      const at = { spec, scope, task, callee, calleeName: task.componentRef.name };
      const path = `${scope.ownerPath}.dag.tasks.${name}`;
      for (const [input, source] of nav.entriesOf(task.inputs?.parameters)) {
        problems.push(
          ...parameterProblems(at, `${path}.inputs.parameters.${input}`, input, source),
        );
      }
      for (const [input, source] of nav.entriesOf(task.inputs?.artifacts)) {
        problems.push(...artifactProblems(at, `${path}.inputs.artifacts.${input}`, input, source));
      }
    }
  }
  return problems;
}

function parameterProblems(
  at: TaskScope,
  path: string,
  name: string,
  source: TaskInputParameter,
): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  const declared = nav.inputParameter(at.callee, name);
  if (!declared && !isCompilerInput(name, source)) {
    const hint = nav.inputArtifact(at.callee, name)
      ? 'it is an artifact input; pass it under inputs.artifacts'
      : `it has ${quotedKeys(at.callee.inputDefinitions?.parameters)}`;
    problems.push({ path, message: `${at.calleeName} has no input parameter "${name}" (${hint})` });
  }
  const kinds = (
    ['componentInputParameter', 'taskOutputParameter', 'runtimeValue', 'taskFinalStatus'] as const
  ).filter((kind) => source[kind] !== undefined);
  if (kinds.length > 1)
    problems.push({ path, message: `has ${kinds.join(' and ')}; give exactly one source` });
  if (Object.keys(source).length === 0) {
    problems.push({
      path,
      message:
        'has no value: give componentInputParameter, taskOutputParameter, runtimeValue or taskFinalStatus',
    });
  }
  let given: { spec: ParameterSpec | undefined; from: string } | undefined;
  if (source.componentInputParameter !== undefined) {
    const parentInput = nav.inputParameter(at.scope.owner, source.componentInputParameter);
    if (!parentInput)
      problems.push(
        notAnInput(path, at.scope, 'componentInputParameter', source.componentInputParameter),
      );
    given = {
      spec: parentInput,
      from: `input "${source.componentInputParameter}" of ${at.scope.ownerName}`,
    };
  } else if (source.taskOutputParameter) {
    const { producerTask, outputParameterKey } = source.taskOutputParameter;
    const producer = nav.own(at.scope.dag.tasks, producerTask);
    const output =
      producer && nav.outputParameter(nav.calleeOf(at.spec, producer), outputParameterKey);
    given = { spec: output, from: `output "${outputParameterKey}" of task "${producerTask}"` };
  }
  const type = declared?.parameterType;
  const givenType = given?.spec?.parameterType;
  if (
    type &&
    givenType &&
    source.parameterExpressionSelector === undefined &&
    !parameterTypeAccepts(type, givenType)
  ) {
    problems.push({
      path,
      message: `type mismatch: ${at.calleeName} expects ${type}, but ${given?.from ?? ''} is ${givenType}`,
    });
  }
  const constant = source.runtimeValue?.constant;
  if (constant !== undefined) {
    const problem = type ? constantProblem(type, constant) : undefined;
    if (problem) problems.push({ path: `${path}.runtimeValue.constant`, message: problem });
  }
  return problems;
}

function artifactProblems(
  at: TaskScope,
  path: string,
  name: string,
  source: TaskInputArtifact,
): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  const declared = nav.inputArtifact(at.callee, name);
  if (!declared) {
    const hint = nav.inputParameter(at.callee, name)
      ? 'it is a parameter input; pass it under inputs.parameters'
      : `it has ${quotedKeys(at.callee.inputDefinitions?.artifacts)}`;
    problems.push({ path, message: `${at.calleeName} has no input artifact "${name}" (${hint})` });
  }
  if ((source.taskOutputArtifact === undefined) === (source.componentInputArtifact === undefined)) {
    problems.push({
      path,
      message: 'must have exactly one of taskOutputArtifact or componentInputArtifact',
    });
  }
  let given;
  if (source.componentInputArtifact !== undefined) {
    given = nav.inputArtifact(at.scope.owner, source.componentInputArtifact);
    if (!given)
      problems.push(
        notAnInput(path, at.scope, 'componentInputArtifact', source.componentInputArtifact),
      );
  } else if (source.taskOutputArtifact) {
    const producer = nav.own(at.scope.dag.tasks, source.taskOutputArtifact.producerTask);
    given =
      producer &&
      nav.outputArtifact(
        nav.calleeOf(at.spec, producer),
        source.taskOutputArtifact.outputArtifactKey,
      );
  }
  if (declared && given && !artifactTypeAccepts(declared, given)) {
    const [want, have] = [declared.artifactType.schemaTitle, given.artifactType.schemaTitle];
    problems.push({
      path,
      message: `type mismatch: ${at.calleeName} expects a ${want ?? '?'} artifact, but gets a ${have ?? '?'}`,
    });
  }
  return problems;
}

function notAnInput(
  path: string,
  scope: nav.DagScope,
  field: string,
  name: string,
): PipelineProblem {
  const kind = field === 'componentInputParameter' ? 'parameters' : 'artifacts';
  const declared = quotedKeys(scope.owner.inputDefinitions?.[kind]);
  return {
    path: `${path}.${field}`,
    message: `${scope.ownerName} has no input ${kind === 'parameters' ? 'parameter' : 'artifact'} "${name}" (it has ${declared})`,
  };
}
