/**
 * A GitOps folder for Argo CD users: `pipeline.yaml`, `recurring-run.yaml` and a
 * `README.md` on how to apply them. Pure: it returns the files' contents and the caller
 * writes them, so the same folder can be checked in tests without a disk.
 */
import type { PipelinePackage } from '../pipelines/ir/pipeline-spec.js';
import { exportPackageYaml } from './export-yaml.js';
import { gitopsReadme } from './gitops-readme.js';
import { recurringRunsYaml, type RecurringRunDefinition } from './recurring-run-yaml.js';

export type GitopsFileName = 'pipeline.yaml' | 'recurring-run.yaml' | 'README.md';
export type GitopsFolder = Record<GitopsFileName, string>;

export function exportGitopsFolder(
  pkg: PipelinePackage,
  recurringRuns: readonly RecurringRunDefinition[],
  pipelineName = pkg.pipelineSpec.pipelineInfo.name,
): GitopsFolder {
  return {
    'pipeline.yaml': exportPackageYaml(pkg),
    'recurring-run.yaml': recurringRunsYaml(recurringRuns, pipelineName),
    'README.md': gitopsReadme(pipelineName, recurringRuns.length > 0),
  };
}
