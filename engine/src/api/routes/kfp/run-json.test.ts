import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../../pipelines/scheduler/run-model.js';
import type { RunRecord } from '../../../pipelines/store/run-repository.js';
import { runJson } from './run-json.js';

const spec = { pipelineInfo: { name: 'p' }, root: {} };
const run: RunRecord = {
  runId: 'r1',
  displayName: 'first',
  description: '',
  experimentId: 'e1',
  pipelineId: 'p1',
  pipelineVersionId: 'v1',
  package: { pipelineSpec: spec },
  runtimeConfig: { parameters: { n: 1 } },
  namespace: '',
  serviceAccount: '',
  labels: { team: 'vision' },
  cacheEnabled: false,
  executor: 'process',
  state: 'FAILED',
  storageState: 'AVAILABLE',
  error: { code: 'UNAVAILABLE', message: 'Docker is not running' },
  createdAt: '2026-01-01T00:00:00.000Z',
  scheduledAt: '2026-01-01T00:00:00.000Z',
  startedAt: '2026-01-01T00:00:01.000Z',
  finishedAt: '2026-01-01T00:00:02.000Z',
};

const task = (id: string, extra: Partial<TaskRecord> = {}): TaskRecord => ({
  taskId: id,
  runId: 'r1',
  name: id,
  displayName: id,
  kind: 'container',
  state: 'SUCCEEDED',
  cached: false,
  attempts: 1,
  inputs: { parameters: {}, artifacts: {} },
  outputs: { parameters: {}, artifacts: {} },
  createdAt: '2026-01-01T00:00:00.500Z',
  ...extra,
});

describe('runJson', () => {
  it('answers a run made from a version with its reference, not its spec', () => {
    const json = runJson(run);
    expect(json).toEqual({
      run_id: 'r1',
      experiment_id: 'e1',
      display_name: 'first',
      description: '',
      storage_state: 'AVAILABLE',
      pipeline_version_reference: { pipeline_id: 'p1', pipeline_version_id: 'v1' },
      runtime_config: { parameters: { n: 1 } },
      created_at: '2026-01-01T00:00:00.000Z',
      scheduled_at: '2026-01-01T00:00:00.000Z',
      finished_at: '2026-01-01T00:00:02.000Z',
      state: 'FAILED',
      error: { code: 14, message: 'Docker is not running', details: [] },
      state_history: [
        { update_time: '2026-01-01T00:00:00.000Z', state: 'PENDING' },
        { update_time: '2026-01-01T00:00:01.000Z', state: 'RUNNING' },
        {
          update_time: '2026-01-01T00:00:02.000Z',
          state: 'FAILED',
          error: { code: 14, message: 'Docker is not running', details: [] },
        },
      ],
      labels: { team: 'vision' },
      enable_caching: false,
      executor: 'process',
    });
  });

  it('answers a run with default options as plain KFP: no labels, caching, executor', () => {
    const plain: RunRecord = { ...run, labels: {}, cacheEnabled: true };
    delete plain.executor;
    const json = runJson(plain);
    expect(json.labels).toBeUndefined();
    expect(json.enable_caching).toBeUndefined();
    expect(json.executor).toBeUndefined();
  });

  it('answers an inline run, or one whose version is gone, with its spec and platform spec', () => {
    const platformSpec = { platforms: { kubernetes: {} } };
    const inline: RunRecord = { ...run, package: { pipelineSpec: spec, platformSpec } };
    delete inline.pipelineVersionId;
    const json = runJson(inline);
    expect(json.pipeline_version_reference).toBeUndefined();
    expect(json.pipeline_spec).toEqual({ pipeline_spec: spec, platform_spec: platformSpec });
    const bare: RunRecord = { ...run };
    delete bare.pipelineVersionId;
    delete bare.pipelineId;
    expect(runJson(bare).pipeline_spec).toEqual(spec);
  });

  it('leaves out an empty runtime config', () => {
    expect(runJson({ ...run, runtimeConfig: { parameters: {} } }).runtime_config).toBeUndefined();
    expect(runJson({ ...run, runtimeConfig: { pipeline_root: '/r' } }).runtime_config).toEqual({
      pipeline_root: '/r',
    });
  });

  it('builds task details: children, artifact ids, parameters, errors', () => {
    const artifact = {
      artifactId: 'a-uuid',
      name: 'model',
      type: { schemaTitle: 'system.Model' },
      uri: '/x',
      metadata: {},
    };
    const tasks = [
      task('dag', { kind: 'dag', state: 'RUNNING', startedAt: '2026-01-01T00:00:01.000Z' }),
      task('train', {
        parentTaskId: 'dag',
        inputs: { parameters: { epochs: 3 }, artifacts: {} },
        outputs: {
          parameters: { loss: 0.1 },
          artifacts: { model: [artifact, { ...artifact, artifactId: 'unknown' }] },
        },
        containerId: 'c0ffee',
        state: 'FAILED',
        error: { code: 'INTERNAL', message: 'exit 1' },
        startedAt: '2026-01-01T00:00:01.000Z',
        finishedAt: '2026-01-01T00:00:03.000Z',
      }),
    ];
    const json = runJson(run, {
      tasks,
      lookup: (ids) => new Map(ids.filter((id) => id === 'a-uuid').map((id) => [id, '42'])),
    });
    const [dag, train] = json.run_details?.task_details ?? [];
    expect(dag).toMatchObject({
      task_id: 'dag',
      child_tasks: [{ task_id: 'train' }],
      state: 'RUNNING',
    });
    expect(dag?.end_time).toBeUndefined();
    expect(train).toMatchObject({
      run_id: 'r1',
      task_id: 'train',
      display_name: 'train',
      parent_task_id: 'dag',
      create_time: '2026-01-01T00:00:00.500Z',
      start_time: '2026-01-01T00:00:01.000Z',
      end_time: '2026-01-01T00:00:03.000Z',
      state: 'FAILED',
      error: { code: 13, message: 'exit 1', details: [] },
      inputs: {},
      outputs: { model: { artifact_ids: ['42'] } },
      input_parameters: { epochs: 3 },
      output_parameters: { loss: 0.1 },
      executor_detail: { main_job: 'c0ffee' },
      child_tasks: [],
    });
  });
});
