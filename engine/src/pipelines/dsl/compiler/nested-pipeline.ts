import type { ComponentSpec, PipelineSpec } from '../../ir/pipeline-spec.js';
import { uniqueName } from '../pipeline-builder.js';

/**
 * Folds a separately compiled pipeline into the one using it as a component (KFP's
 * `merge_deployment_spec_and_component_spec`): its executors and components join the outer
 * ones, renamed with `-2`, `-3` where names clash, and its root becomes the task's component.
 */
export function foldNestedPipeline(outer: PipelineSpec, nested: PipelineSpec): ComponentSpec {
  const inner = structuredClone(nested);
  const executors = ((outer.deploymentSpec ??= {}).executors ??= {});
  const components = (outer.components ??= {});

  const executorNames = new Map<string, string>();
  for (const [label, executor] of Object.entries(inner.deploymentSpec?.executors ?? {})) {
    const renamed = uniqueName(label, Object.keys(executors));
    executorNames.set(label, renamed);
    executors[renamed] = executor;
  }
  for (const component of Object.values(inner.components ?? {})) {
    const label = component.executorLabel;
    if (label !== undefined) component.executorLabel = executorNames.get(label) ?? label;
  }

  const componentNames = new Map<string, string>();
  const existing = Object.keys(components);
  for (const name of Object.keys(inner.components ?? {})) {
    const taken = [...existing, ...[...componentNames].flat()];
    componentNames.set(name, uniqueName(name, taken));
  }
  const dags = [inner.root, ...Object.values(inner.components ?? {})];
  for (const dag of dags) {
    for (const task of Object.values(dag.dag?.tasks ?? {})) {
      task.componentRef.name = componentNames.get(task.componentRef.name) ?? task.componentRef.name;
    }
  }
  for (const [name, component] of Object.entries(inner.components ?? {})) {
    components[componentNames.get(name) ?? name] = component;
  }
  return inner.root;
}
