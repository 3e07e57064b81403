import { describe, expect, it } from 'vitest';
import type { KfpRunDetail } from '../../../api/kfp-run-actions';
import { loadRunContext, type RunContextSources } from './run-context';

const run: KfpRunDetail = {
  run_id: 'r',
  display_name: 'run',
  created_at: '2026-01-01T00:00:00Z',
  state: 'RUNNING',
  experiment_id: 'e',
  pipeline_version_reference: { pipeline_id: 'p', pipeline_version_id: 'v' },
};

const sources: RunContextSources = {
  getPipeline: () => Promise.resolve({ display_name: 'iris' }),
  getPipelineVersion: () =>
    Promise.resolve({ display_name: 'v1', pipeline_spec: { root: { dag: {} } } }),
  getExperiment: () => Promise.reject(new Error('gone')),
};

describe('run context', () => {
  it('names the pipeline and version, takes the spec from the version, survives a gone experiment', async () => {
    expect(await loadRunContext(run, sources)).toEqual({
      pipelineName: 'iris',
      versionName: 'v1',
      spec: { root: { dag: {} } },
    });
  });

  it('uses the run own spec when it has no version', async () => {
    const inline = { ...run, pipeline_spec: { a: 1 } };
    delete inline.pipeline_version_reference;
    const context = await loadRunContext(inline, sources);
    expect(context.spec).toEqual({ a: 1 });
    expect(context.pipelineName).toBeUndefined();
  });
});
