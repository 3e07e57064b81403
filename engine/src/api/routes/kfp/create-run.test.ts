import { beforeEach, describe, expect, it } from 'vitest';
import { SkiffError } from '../../../core/errors.js';
import type { PipelineSpec } from '../../../pipelines/ir/pipeline-spec.js';
import type { RunLauncher } from '../../../pipelines/runs/run-launcher.js';
import { TaskRepository } from '../../../pipelines/runs/task-repository.js';
import { openDatabase } from '../../../store/database.js';
import { FakeClock, sequentialIds } from '../../../testing/fake-ports.js';
import { createRun } from './create-run.js';
import { createKfpContext, type KfpContext } from './kfp-context.js';
import { createPipelineWithVersion } from './pipeline-creation.js';

const spec: PipelineSpec = {
  pipelineInfo: { name: 'p' },
  root: { inputDefinitions: { parameters: { n: { parameterType: 'NUMBER_INTEGER' } } } },
};

let ctx: KfpContext;
let started: string[];
let refuse: boolean;

beforeEach(() => {
  const db = openDatabase(':memory:');
  started = [];
  refuse = false;
  const launcher: RunLauncher = {
    start: (runId) => {
      if (refuse) throw new SkiffError('UNAVAILABLE', 'No executor is available.');
      started.push(runId);
    },
    terminate: () => undefined,
    retry: () => undefined,
  };
  ctx = createKfpContext({
    db,
    launcher,
    tasks: new TaskRepository(db),
    clock: new FakeClock(),
    ids: sequentialIds(),
  });
});

function storeVersion(name: string): { pipelineId: string; versionId: string } {
  const { pipeline, version } = createPipelineWithVersion(
    ctx,
    { name, tags: {} },
    { package: { pipelineSpec: spec }, tags: {} },
    undefined,
  );
  return { pipelineId: pipeline.pipelineId, versionId: version.pipelineVersionId };
}

describe('createRun', () => {
  it('stores the run PENDING in the Default experiment, created once, and starts it', () => {
    const { pipelineId, versionId } = storeVersion('p');
    const body = {
      display_name: 'r',
      pipeline_version_reference: { pipeline_id: pipelineId, pipeline_version_id: versionId },
      runtime_config: { parameters: { n: 1 } },
    };
    const first = createRun(ctx, body, undefined);
    const second = createRun(ctx, body, undefined);
    expect(started).toEqual([first.runId, second.runId]);
    expect(first).toMatchObject({
      state: 'PENDING',
      pipelineId,
      pipelineVersionId: versionId,
      runtimeConfig: { parameters: { n: 1 } },
    });
    expect(second.experimentId).toBe(first.experimentId);
    expect(ctx.experiments.list({}).rows.map((e) => e.displayName)).toEqual(['Default']);
  });

  it('accepts the deprecated top-level pipeline_version_id', () => {
    const { pipelineId, versionId } = storeVersion('p');
    const run = createRun(
      ctx,
      {
        display_name: 'r',
        pipeline_version_id: versionId,
        runtime_config: { parameters: { n: 1 } },
      },
      undefined,
    );
    expect(run).toMatchObject({ pipelineId, pipelineVersionId: versionId });
  });

  it('refuses a version of another pipeline', () => {
    const { versionId } = storeVersion('p');
    const other = storeVersion('q');
    expect(() =>
      createRun(
        ctx,
        {
          display_name: 'r',
          pipeline_version_reference: {
            pipeline_id: other.pipelineId,
            pipeline_version_id: versionId,
          },
        },
        undefined,
      ),
    ).toThrow('pipeline_version_reference.pipeline_version_id');
  });

  it('refuses a pipeline without versions', () => {
    const pipelineId = ctx.ids.next();
    ctx.pipelines.insert({
      pipelineId,
      name: 'empty',
      displayName: 'empty',
      description: '',
      namespace: '',
      createdAt: ctx.now(),
      tags: {},
    });
    expect(() =>
      createRun(
        ctx,
        { display_name: 'r', pipeline_version_reference: { pipeline_id: pipelineId } },
        undefined,
      ),
    ).toThrow(expect.objectContaining({ code: 'FAILED_PRECONDITION' }));
  });

  it('leaves no run behind when the launcher refuses it at once', () => {
    const { pipelineId } = storeVersion('p');
    refuse = true;
    expect(() =>
      createRun(
        ctx,
        {
          display_name: 'r',
          pipeline_version_reference: { pipeline_id: pipelineId },
          runtime_config: { parameters: { n: 1 } },
        },
        undefined,
      ),
    ).toThrow('No executor is available.');
    expect(ctx.runs.list({}).totalSize).toBe(0);
  });
});

describe('createPipelineWithVersion', () => {
  it('stores neither the pipeline nor the version when the version fails', () => {
    const failing = {
      ...ctx,
      versions: Object.assign(Object.create(ctx.versions) as typeof ctx.versions, {
        insert: () => {
          throw new Error('disk full');
        },
      }),
    };
    expect(() =>
      createPipelineWithVersion(
        failing,
        { name: 'p', tags: {} },
        { package: { pipelineSpec: spec }, tags: {} },
        undefined,
      ),
    ).toThrow('disk full');
    expect(ctx.pipelines.list({}).totalSize).toBe(0);
  });

  it('names the version after the pipeline unless told otherwise', () => {
    const { version } = createPipelineWithVersion(
      ctx,
      { name: 'p', displayName: 'P', description: 'd', tags: {} },
      { package: { pipelineSpec: spec }, tags: {} },
      'file.yaml',
    );
    expect(version).toMatchObject({ name: 'p', displayName: 'P', description: 'd' });
  });
});
