/**
 * The cache key of a container task: sha256 over what decides its result (the component's
 * interface, the executor spec with the image as Settings → Images maps it, and the
 * resolved inputs), or over `cachingOptions.cacheKey` when the pipeline sets one.
 */
import { createHash } from 'node:crypto';
import type { ComponentSpec, ContainerSpec } from '../ir/pipeline-spec.js';
import type { TaskIo } from './run-model.js';

export interface FingerprintSource {
  component: ComponentSpec;
  /** The container spec with `image` already mapped. */
  container: ContainerSpec;
  inputs: TaskIo;
  cacheKey?: string;
}

export function taskFingerprint(source: FingerprintSource): string {
  if (source.cacheKey !== undefined && source.cacheKey !== '') {
    return sha256(canonicalJson({ cacheKey: source.cacheKey }));
  }
  const artifacts = Object.fromEntries(
    Object.entries(source.inputs.artifacts).map(([name, list]) => [
      name,
      list.map((artifact) => ({ uri: artifact.uri, metadata: artifact.metadata })),
    ]),
  );
  return sha256(
    canonicalJson({
      component: {
        inputDefinitions: source.component.inputDefinitions ?? {},
        outputDefinitions: source.component.outputDefinitions ?? {},
      },
      container: source.container,
      inputs: { parameters: source.inputs.parameters, artifacts },
    }),
  );
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
