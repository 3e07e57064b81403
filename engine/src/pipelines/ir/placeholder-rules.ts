/**
 * Rules for placeholders: every `{{$…}}` in a container's command, args and resource
 * strings, and in an importer's metadata, is a known form naming a declared input or
 * output of each component that runs the executor; `{"Concat"}`/`{"IfPresent"}`
 * arguments are well formed. Placeholders inside a task's runtime constants may only
 * name the task's own input parameters (the compiler's `pipelinechannel--…` inputs).
 */
import { SkiffError } from '../../core/errors.js';
import type {
  ComponentSpec,
  ExecutorSpec,
  PipelineSpec,
  PipelineTaskSpec,
} from './pipeline-spec.js';
import { pathOf, type PipelineProblem } from './pipeline-problem.js';
import {
  parsePlaceholders,
  parseStructuredPlaceholder,
  type CommandLineElement,
  type PlaceholderPart,
} from './placeholder-syntax.js';
import * as nav from './spec-navigation.js';

/**
 * A component that runs an executor, and the tasks that run the component: a task may
 * pass inputs its component does not declare (the compiler's `pipelinechannel--…`
 * values for resource placeholders), and those reach the executor too.
 */
interface User {
  name: string;
  component: ComponentSpec;
  callers: PipelineTaskSpec[];
  /** Answers of `receives`, remembered: an executor may name the same input many times. */
  received: Map<string, boolean>;
}

export function findPlaceholderProblems(spec: PipelineSpec): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  const users = executorUsers(spec);
  for (const [label, executor] of nav.entriesOf(spec.deploymentSpec?.executors)) {
    const path = `deploymentSpec.executors.${label}`;
    problems.push(...executorProblems(path, executor, users.get(label) ?? []));
  }
  return problems;
}

/** Executor label → the components that run it, each with the tasks that run the component. */
function executorUsers(spec: PipelineSpec): Map<string, User[]> {
  const callers = new Map<string, PipelineTaskSpec[]>();
  for (const scope of nav.dagScopes(spec)) {
    for (const task of Object.values(scope.dag.tasks)) {
      const list = callers.get(task.componentRef.name);
      if (list) list.push(task);
      else callers.set(task.componentRef.name, [task]);
    }
  }
  const users = new Map<string, User[]>();
  for (const [name, component] of nav.entriesOf(spec.components)) {
    const label = component.executorLabel;
    if (label === undefined) continue;
    const user: User = { name, component, callers: callers.get(name) ?? [], received: new Map() };
    const list = users.get(label);
    if (list) list.push(user);
    else users.set(label, [user]);
  }
  return users;
}

function executorProblems(path: string, executor: ExecutorSpec, users: User[]): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  const container = executor.container;
  if (container) {
    for (const field of ['command', 'args'] as const) {
      (container[field] ?? []).forEach((arg, index) => {
        problems.push(...argumentProblems(pathOf(path, 'container', field, index), arg, users));
      });
    }
    const resources = container.resources;
    const strings: [string, unknown][] = [
      ...Object.entries(resources ?? {}),
      ...Object.entries(resources?.accelerator ?? {}).map(([key, value]): [string, unknown] => [
        `accelerator.${key}`,
        value,
      ]),
    ];
    for (const [key, value] of strings) {
      if (typeof value === 'string')
        problems.push(...textProblems(`${path}.container.resources.${key}`, value, users));
    }
  }
  const importer = executor.importer;
  if (importer) {
    const parameter = importer.artifactUri.runtimeParameter;
    for (const user of users) {
      if (parameter !== undefined && !receives(user, 'parameters', parameter)) {
        problems.push({
          path: `${path}.importer.artifactUri.runtimeParameter`,
          message: `${user.name} has no input parameter "${parameter}"`,
        });
      }
    }
    for (const [at, text] of nav.stringsIn(importer.metadata ?? {}, `${path}.importer.metadata`)) {
      problems.push(...textProblems(at, text, users));
    }
  }
  return problems;
}

function argumentProblems(path: string, arg: string, users: User[]): PipelineProblem[] {
  let structured;
  try {
    structured = parseStructuredPlaceholder(arg);
  } catch (error) {
    if (error instanceof SkiffError) return [{ path, message: error.message }];
    throw error;
  }
  if (!structured) return textProblems(path, arg, users);
  const problems: PipelineProblem[] = [];
  const pending: { element: CommandLineElement; inConcat: boolean }[] = [
    { element: structured, inConcat: false },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { element, inConcat } = next;
    if (typeof element === 'string') {
      problems.push(...textProblems(path, element, users));
    } else if (element.kind === 'concat') {
      pending.push(...element.items.map((item) => ({ element: item, inConcat: true })));
    } else {
      if (inConcat && (element.then.length > 1 || element.else.length > 1)) {
        problems.push({
          path,
          message:
            'an IfPresent inside a Concat must have a single Then and Else element, not a list',
        });
      }
      for (const user of users) {
        if (
          !receives(user, 'parameters', element.inputName) &&
          !receives(user, 'artifacts', element.inputName)
        ) {
          problems.push({
            path,
            message: `IfPresent names "${element.inputName}", which is not an input of ${user.name}`,
          });
        }
      }
      pending.push(
        ...[...element.then, ...element.else].map((item) => ({ element: item, inConcat })),
      );
    }
  }
  return problems;
}

function textProblems(path: string, text: string, users: User[]): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  for (const part of parsePlaceholders(text)) {
    if (part.kind === 'unknown') {
      problems.push({ path, message: `unknown placeholder "${part.text}"` });
      continue;
    }
    for (const user of users) {
      const missing = undeclared(part, user);
      if (missing)
        problems.push({
          path,
          message: `unknown placeholder "${part.text}": ${user.name} has no ${missing}`,
        });
    }
  }
  return problems;
}

/** What `part` refers to that the executor does not receive, e.g. `input parameter "x"`. */
function undeclared(part: PlaceholderPart, user: User): string | undefined {
  switch (part.kind) {
    case 'inputParameter':
      return receives(user, 'parameters', part.name) ? undefined : `input parameter "${part.name}"`;
    case 'inputArtifact':
      return receives(user, 'artifacts', part.name) ? undefined : `input artifact "${part.name}"`;
    case 'outputArtifact':
      return nav.outputArtifact(user.component, part.name)
        ? undefined
        : `output artifact "${part.name}"`;
    case 'outputParameterFile':
      return nav.outputParameter(user.component, part.name)
        ? undefined
        : `output parameter "${part.name}"`;
    default:
      return undefined;
  }
}

/** Declared by the component, or passed by every task that runs it. */
function receives(user: User, kind: 'parameters' | 'artifacts', name: string): boolean {
  const declared =
    kind === 'parameters'
      ? nav.inputParameter(user.component, name)
      : nav.inputArtifact(user.component, name);
  if (declared) return true;
  const key = `${kind}/${name}`;
  let passed = user.received.get(key);
  if (passed === undefined) {
    passed =
      user.callers.length > 0 &&
      user.callers.every((task) => Object.hasOwn(task.inputs?.[kind] ?? {}, name));
    user.received.set(key, passed);
  }
  return passed;
}
