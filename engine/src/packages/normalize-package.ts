/**
 * The form two packages are compared in by the round-trip checks: every mapping's keys
 * sorted, and an absent or empty platform spec treated alike (the KFP API returns
 * `platform_spec: {}` for a pipeline that never had one). Nothing else is dropped, so
 * two normalized packages are equal only when they mean the same pipeline.
 */
import type { PipelinePackage, PipelineSpec, PlatformSpec } from '../pipelines/ir/pipeline-spec.js';

export function normalizePackage(pkg: PipelinePackage): PipelinePackage {
  const normalized: PipelinePackage = { pipelineSpec: sortKeys(pkg.pipelineSpec) as PipelineSpec };
  const platforms = pkg.platformSpec?.platforms;
  if (platforms !== undefined && Object.keys(platforms).length > 0) {
    normalized.platformSpec = sortKeys(pkg.platformSpec) as PlatformSpec;
  }
  return normalized;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]));
}
