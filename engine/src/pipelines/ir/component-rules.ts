/**
 * Rules about the pipeline's parts and how they connect: its name, the root DAG, each
 * component being either a leaf (executorLabel) or a DAG, every executor label and
 * component reference resolving, executors of one known kind, parameter defaults of the
 * declared type, and components that do not (through their DAGs) contain themselves.
 */
import { findCycle } from './dependency-cycle.js';
import { constantProblem } from './parameter-types.js';
import type { ComponentSpec, ExecutorSpec, PipelineSpec } from './pipeline-spec.js';
import { quotedKeys, type PipelineProblem } from './pipeline-problem.js';
import { dagScopes, entriesOf, own } from './spec-navigation.js';

const EXECUTOR_KINDS = ['container', 'importer', 'resolver', 'customJob'] as const;

export function findComponentProblems(spec: PipelineSpec): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  if (spec.pipelineInfo.name.trim() === '') {
    problems.push({
      path: 'pipelineInfo.name',
      message: 'is empty: give the pipeline a name (@dsl.pipeline(name=...))',
    });
  }
  if (!spec.root.dag) {
    problems.push({
      path: 'root.dag',
      message: 'is required: the root component of a pipeline is a DAG of tasks',
    });
  }
  for (const [name, component] of entriesOf(spec.components)) {
    problems.push(...componentProblems(spec, `components.${name}`, component));
  }
  for (const [label, executor] of entriesOf(spec.deploymentSpec?.executors)) {
    problems.push(...executorProblems(`deploymentSpec.executors.${label}`, executor));
  }
  for (const scope of dagScopes(spec)) {
    for (const [taskName, task] of entriesOf(scope.dag.tasks)) {
      const ref = task.componentRef.name;
      if (own(spec.components, ref) === undefined) {
        problems.push({
          path: `${scope.ownerPath}.dag.tasks.${taskName}.componentRef.name`,
          message: `no component "${ref}" in components (it has ${quotedKeys(spec.components)})`,
        });
      }
    }
  }
  problems.push(...defaultValueProblems('root', spec.root));
  for (const [name, component] of entriesOf(spec.components)) {
    problems.push(...defaultValueProblems(`components.${name}`, component));
  }
  problems.push(...recursionProblems(spec));
  return problems;
}

/** A parameter's default must be a value of its declared type. */
function defaultValueProblems(path: string, component: ComponentSpec): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  for (const [name, parameter] of entriesOf(component.inputDefinitions?.parameters)) {
    if (parameter.defaultValue === undefined) continue;
    const problem = constantProblem(parameter.parameterType, parameter.defaultValue);
    const at = `${path}.inputDefinitions.parameters.${name}.defaultValue`;
    if (problem) problems.push({ path: at, message: problem });
  }
  return problems;
}

function componentProblems(
  spec: PipelineSpec,
  path: string,
  component: ComponentSpec,
): PipelineProblem[] {
  const hasLabel = component.executorLabel !== undefined;
  const hasDag = component.dag !== undefined;
  if (hasLabel === hasDag) {
    const what = hasLabel ? 'has both' : 'has neither';
    return [
      {
        path,
        message: `${what} executorLabel and dag; a component is either a leaf (executorLabel) or a DAG`,
      },
    ];
  }
  const label = component.executorLabel;
  if (label !== undefined && own(spec.deploymentSpec?.executors, label) === undefined) {
    return [
      {
        path: `${path}.executorLabel`,
        message: `no executor "${label}" in deploymentSpec.executors`,
      },
    ];
  }
  return [];
}

function executorProblems(path: string, executor: ExecutorSpec): PipelineProblem[] {
  const kinds = EXECUTOR_KINDS.filter((kind) => executor[kind] !== undefined);
  if (kinds.length !== 1) {
    const found = kinds.length === 0 ? 'none' : kinds.join(' and ');
    return [
      {
        path,
        message: `must have exactly one of container, importer, resolver or customJob (found ${found})`,
      },
    ];
  }
  if (executor.container && executor.container.image.trim() === '') {
    return [
      { path: `${path}.container.image`, message: 'is empty: name the image the step runs in' },
    ];
  }
  const uri = executor.importer?.artifactUri;
  if (uri && (uri.constant === undefined) === (uri.runtimeParameter === undefined)) {
    return [
      {
        path: `${path}.importer.artifactUri`,
        message: 'must have exactly one of constant or runtimeParameter',
      },
    ];
  }
  return [];
}

/** A DAG component whose tasks (directly or deeper) run the component itself never ends. */
function recursionProblems(spec: PipelineSpec): PipelineProblem[] {
  const edges = new Map<string, string[]>();
  for (const [name, component] of entriesOf(spec.components)) {
    edges.set(
      name,
      Object.values(component.dag?.tasks ?? {}).map((task) => task.componentRef.name),
    );
  }
  const cycle = findCycle(edges);
  if (cycle === undefined) return [];
  const [first] = cycle;
  return [
    {
      path: `components.${first ?? ''}.dag`,
      message: `component cycle ${cycle.join(' → ')}: a component cannot run itself`,
    },
  ];
}
