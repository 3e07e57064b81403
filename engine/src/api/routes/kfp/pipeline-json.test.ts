import { describe, expect, it } from 'vitest';
import { pipelineJson, pipelineVersionJson } from './pipeline-json.js';
import { experimentJson } from './experiment-json.js';

const spec = { pipelineInfo: { name: 'p' }, root: {} };

describe('pipeline and experiment JSON', () => {
  it('maps a pipeline to snake_case and leaves out empty tags', () => {
    const record = {
      pipelineId: 'p1',
      name: 'n',
      displayName: 'd',
      description: '',
      namespace: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      tags: {},
    };
    expect(pipelineJson(record)).toEqual({
      pipeline_id: 'p1',
      name: 'n',
      display_name: 'd',
      description: '',
      namespace: '',
      created_at: '2026-01-01T00:00:00.000Z',
    });
    expect(pipelineJson({ ...record, tags: { a: 'b' } }).tags).toEqual({ a: 'b' });
  });

  it('answers a version spec as KFP does: plain, or wrapped with its platform spec', () => {
    const version = {
      pipelineVersionId: 'v1',
      pipelineId: 'p1',
      name: 'v',
      displayName: 'v',
      description: '',
      package: { pipelineSpec: spec },
      createdAt: '2026-01-01T00:00:00.000Z',
      tags: {},
      packageUrl: 'https://x/p.yaml',
    };
    expect(pipelineVersionJson(version)).toMatchObject({
      pipeline_spec: spec,
      package_url: { pipeline_url: 'https://x/p.yaml' },
    });
    const platformSpec = { platforms: { kubernetes: { deploymentSpec: {} } } };
    expect(
      pipelineVersionJson({ ...version, package: { pipelineSpec: spec, platformSpec } })
        .pipeline_spec,
    ).toEqual({
      pipeline_spec: spec,
      platform_spec: platformSpec,
    });
  });

  it('maps an experiment, with last_run_created_at only once it has runs', () => {
    const record = {
      experimentId: 'e1',
      displayName: 'x',
      description: '',
      namespace: '',
      storageState: 'ARCHIVED' as const,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    expect(experimentJson(record)).toEqual({
      experiment_id: 'e1',
      display_name: 'x',
      description: '',
      namespace: '',
      storage_state: 'ARCHIVED',
      created_at: '2026-01-01T00:00:00.000Z',
    });
    expect(
      experimentJson({ ...record, lastRunCreatedAt: '2026-02-01T00:00:00.000Z' })
        .last_run_created_at,
    ).toBe('2026-02-01T00:00:00.000Z');
  });
});
