import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { twoStepPipeline } from '../pipelines/ir/testing/two-step-pipeline.js';
import { exportGitopsFolder } from './export-gitops.js';
import { exportPackageYaml } from './export-yaml.js';

const NIGHTLY = {
  recurring_run_id: 'rr-1',
  display_name: 'nightly',
  pipeline_version_reference: { pipeline_id: 'p-1', pipeline_version_id: 'v-1' },
  trigger: { cron_schedule: { cron: '0 0 2 * * *' } },
  max_concurrency: '1',
  mode: 'ENABLE',
  no_catchup: true,
  created_at: '2026-01-01T00:00:00Z',
  status: 'ENABLED',
};

describe('exportGitopsFolder', () => {
  it('writes the pipeline YAML, its recurring runs and a README', () => {
    const pkg = twoStepPipeline();
    const folder = exportGitopsFolder(pkg, [NIGHTLY, { ...NIGHTLY, display_name: 'hourly' }]);
    expect(folder['pipeline.yaml']).toBe(exportPackageYaml(pkg));
    const runs = parseAllDocuments(folder['recurring-run.yaml']).map((doc) => doc.toJS() as object);
    expect(runs.map((run) => (run as { display_name: string }).display_name)).toEqual([
      'hourly',
      'nightly',
    ]);
    expect(runs[1]).toMatchObject({ trigger: NIGHTLY.trigger, mode: 'ENABLE' });
    expect(runs[1]).not.toHaveProperty('recurring_run_id');
    expect(runs[1]).not.toHaveProperty('created_at');
    expect(folder['README.md']).toMatch(/Argo CD/);
    expect(folder['README.md']).toMatch(/kfp .*pipeline create/);
  });

  it('writes a commented template when the pipeline has no recurring runs', () => {
    const folder = exportGitopsFolder(twoStepPipeline(), []);
    const lines = folder['recurring-run.yaml'].trim().split('\n');
    expect(lines.every((line) => line.startsWith('#'))).toBe(true);
    expect(folder['recurring-run.yaml']).toContain('# trigger:');
  });
});
