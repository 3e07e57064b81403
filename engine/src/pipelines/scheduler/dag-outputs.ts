/**
 * A DAG's outputs from its tasks: `valueFromParameter`, `valueFromOneof` and
 * `artifactSelectors` (several selectors = dsl.OneOf: the first whose producer ran).
 * An output whose producer was skipped is simply absent.
 */
import type { DagSpec, ProtoValue } from '../ir/pipeline-spec.js';
import type { ArtifactRef, TaskIo } from './run-model.js';
import type { DagResults } from './task-outcome.js';

interface ParameterSelector {
  producerSubtask: string;
  outputParameterKey: string;
}

export function resolveDagOutputs(dag: DagSpec, results: DagResults): TaskIo {
  const parameters: Record<string, ProtoValue> = {};
  for (const [name, output] of Object.entries(dag.outputs?.parameters ?? {})) {
    const selectors: ParameterSelector[] = output.valueFromParameter
      ? [output.valueFromParameter]
      : (output.valueFromOneof?.parameterSelectors ?? []);
    const value = firstValue(selectors, results);
    if (value !== undefined) parameters[name] = value;
  }
  const artifacts: Record<string, ArtifactRef[]> = {};
  for (const [name, output] of Object.entries(dag.outputs?.artifacts ?? {})) {
    for (const selector of output.artifactSelectors) {
      const producer = results.get(selector.producerSubtask);
      const list =
        producer?.state === 'SUCCEEDED'
          ? producer.outputs.artifacts[selector.outputArtifactKey]
          : undefined;
      if (list !== undefined) {
        artifacts[name] = list;
        break;
      }
    }
  }
  return { parameters, artifacts };
}

function firstValue(selectors: ParameterSelector[], results: DagResults): ProtoValue | undefined {
  for (const selector of selectors) {
    const producer = results.get(selector.producerSubtask);
    const value =
      producer?.state === 'SUCCEEDED'
        ? producer.outputs.parameters[selector.outputParameterKey]
        : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}
