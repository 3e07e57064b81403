import type { PipelinePackage, PipelineSpec, PlatformSpec } from '../ir/pipeline-spec.js';

/** How runs, recurring runs and pipeline versions keep a package: two JSON text columns. */
export interface PackageColumns {
  pipeline_spec: string;
  platform_spec: string | null;
}

export function packageColumns(pkg: PipelinePackage): PackageColumns {
  return {
    pipeline_spec: JSON.stringify(pkg.pipelineSpec),
    platform_spec: pkg.platformSpec ? JSON.stringify(pkg.platformSpec) : null,
  };
}

export function packageFromColumns(row: PackageColumns): PipelinePackage {
  const pkg: PipelinePackage = { pipelineSpec: JSON.parse(row.pipeline_spec) as PipelineSpec };
  if (row.platform_spec !== null) pkg.platformSpec = JSON.parse(row.platform_spec) as PlatformSpec;
  return pkg;
}
