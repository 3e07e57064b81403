/**
 * Safe ways around a PipelineSpec for the validation rules: lookups that see only a
 * map's own keys (a component named "toString" must not find Object.prototype), and the
 * list of every DAG with the component that owns it.
 */
import type {
  ComponentSpec,
  DagSpec,
  ParameterSpec,
  ArtifactSpec,
  PipelineSpec,
  PipelineTaskSpec,
  ProtoValue,
} from './pipeline-spec.js';

/** `record[key]` when `key` is the record's own key. */
export function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function entriesOf<T>(record: Record<string, T> | undefined): [string, T][] {
  return record === undefined ? [] : Object.entries(record);
}

/** A DAG and the component it belongs to (the root, or a `components` entry). */
export interface DagScope {
  /** `root` or `components.<name>`. */
  ownerPath: string;
  /** `root` or the component's name, for messages. */
  ownerName: string;
  owner: ComponentSpec;
  dag: DagSpec;
}

export function dagScopes(spec: PipelineSpec): DagScope[] {
  const scopes: DagScope[] = [];
  if (spec.root.dag)
    scopes.push({ ownerPath: 'root', ownerName: 'root', owner: spec.root, dag: spec.root.dag });
  for (const [name, component] of entriesOf(spec.components)) {
    if (component.dag) {
      scopes.push({
        ownerPath: `components.${name}`,
        ownerName: name,
        owner: component,
        dag: component.dag,
      });
    }
  }
  return scopes;
}

/** The component a task runs, when it exists. */
export function calleeOf(spec: PipelineSpec, task: PipelineTaskSpec): ComponentSpec | undefined {
  return own(spec.components, task.componentRef.name);
}

export function inputParameter(
  component: ComponentSpec | undefined,
  name: string,
): ParameterSpec | undefined {
  return own(component?.inputDefinitions?.parameters, name);
}

export function inputArtifact(
  component: ComponentSpec | undefined,
  name: string,
): ArtifactSpec | undefined {
  return own(component?.inputDefinitions?.artifacts, name);
}

export function outputParameter(
  component: ComponentSpec | undefined,
  name: string,
): ParameterSpec | undefined {
  return own(component?.outputDefinitions?.parameters, name);
}

export function outputArtifact(
  component: ComponentSpec | undefined,
  name: string,
): ArtifactSpec | undefined {
  return own(component?.outputDefinitions?.artifacts, name);
}

/** Every string in a JSON value (keys included) with its path, walked without recursion. */
export function stringsIn(value: ProtoValue, path: string): [string, string][] {
  const found: [string, string][] = [];
  const pending: [string, ProtoValue][] = [[path, value]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [at, item] = next;
    if (typeof item === 'string') found.push([at, item]);
    else if (Array.isArray(item))
      item.forEach((child, index) => pending.push([`${at}[${index}]`, child]));
    else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        found.push([at, key]);
        pending.push([`${at}.${key}`, child]);
      }
    }
  }
  return found;
}
