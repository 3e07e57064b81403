/**
 * KFP REST API v2beta1 conformance, runs: create (from a version reference or an inline
 * spec), validation of parameters and bodies, get with task details, list, terminate,
 * retry, archive and delete, every answer checked against KFP's published swagger. The
 * engine's launcher only records calls (test/support/kfp-test-engine.ts). Needs the
 * reference corpus beside the checkout (../shared/corpus); skips without it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ADD_NUMBERS,
  filter,
  hasCorpus,
  specOf,
  useKfpApi,
  WITH_PLATFORM,
} from './kfp-api-fixtures.js';

describe.skipIf(!hasCorpus)('KFP API v2beta1 conformance', () => {
  const api = useKfpApi();
  const { kfp, upload } = api;

  describe('runs', () => {
    let pipelineId: string;
    let versionId: string;
    let runId: string;

    beforeAll(async () => {
      const { body } = await upload(ADD_NUMBERS, '?name=run-me');
      pipelineId = String(body.pipeline_id);
      const versions = await kfp('GET', `/apis/v2beta1/pipelines/${pipelineId}/versions`);
      versionId =
        (versions.body.pipeline_versions as { pipeline_version_id: string }[])[0]
          ?.pipeline_version_id ?? '';
    });

    it('creates a run from a version reference in the default experiment and starts it', async () => {
      const { status, body } = await kfp('POST', '/apis/v2beta1/runs', {
        json: {
          display_name: 'add 1 + 2',
          pipeline_version_reference: { pipeline_id: pipelineId, pipeline_version_id: versionId },
          runtime_config: { parameters: { a: 1, b: 2 } },
          service_account: 'pipeline-runner',
        },
      });
      expect(status).toBe(200);
      runId = String(body.run_id);
      expect(api.engine.launcher.calls).toContainEqual({ method: 'start', runId });
      expect(body).toMatchObject({
        display_name: 'add 1 + 2',
        pipeline_version_reference: { pipeline_id: pipelineId, pipeline_version_id: versionId },
        runtime_config: { parameters: { a: 1, b: 2 } },
        service_account: 'pipeline-runner',
        storage_state: 'AVAILABLE',
        state: 'SUCCEEDED',
      });
      expect(body.pipeline_spec).toBeUndefined();
      const experiment = await kfp(
        'GET',
        `/apis/v2beta1/experiments/${String(body.experiment_id)}`,
      );
      expect(experiment.body).toMatchObject({
        display_name: 'Default',
        last_run_created_at: body.created_at,
      });
    });

    it('uses the latest version when the reference names only the pipeline', async () => {
      const { body } = await kfp('POST', '/apis/v2beta1/runs', {
        json: {
          display_name: 'latest',
          pipeline_version_reference: { pipeline_id: pipelineId },
          runtime_config: { parameters: { a: 1, b: 1 } },
        },
      });
      expect(body.pipeline_version_reference).toEqual({
        pipeline_id: pipelineId,
        pipeline_version_id: versionId,
      });
    });

    it('creates a run from an inline spec with a platform spec, in a named experiment', async () => {
      const experiment = await kfp('POST', '/apis/v2beta1/experiments', {
        json: { display_name: 'inline' },
      });
      const [spec, platform] = specOf(WITH_PLATFORM);
      const { status, body } = await kfp(
        'POST',
        `/apis/v2beta1/runs?experiment_id=${String(experiment.body.experiment_id)}`,
        {
          json: {
            display_name: 'inline run',
            pipeline_spec: { pipeline_spec: spec, platform_spec: platform },
          },
        },
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({
        experiment_id: experiment.body.experiment_id,
        pipeline_spec: { pipeline_spec: spec, platform_spec: platform },
      });
    });

    it.each([
      [{ a: 1, b: 2, c: 3 }, 'runtime_config.parameters.c'],
      [{ a: 1 }, 'runtime_config.parameters.b'],
      [{ a: 'abc', b: 2 }, 'runtime_config.parameters.a'],
      [{ a: 1.5, b: 2 }, 'runtime_config.parameters.a'],
    ])('refuses parameters %j with 400 naming %s, and stores no run', async (parameters, field) => {
      const before = (await kfp('GET', '/apis/v2beta1/runs')).body.total_size;
      const { status, body } = await kfp('POST', '/apis/v2beta1/runs', {
        json: {
          display_name: 'bad',
          pipeline_version_reference: { pipeline_id: pipelineId, pipeline_version_id: versionId },
          runtime_config: { parameters },
        },
      });
      expect(status).toBe(400);
      expect(body).toMatchObject({
        code: 3,
        message: expect.stringMatching(new RegExp(`^${field.replace(/\./g, '\\.')}: `)) as unknown,
      });
      expect((await kfp('GET', '/apis/v2beta1/runs')).body.total_size).toBe(before);
    });

    it.each([
      [{ display_name: 'x', pipeline_spec: { pipelineInfo: {} } }, /^pipeline_spec/],
      [{ pipeline_spec: {} }, /^display_name: is required/],
      [{ display_name: 'x' }, /^pipeline_version_reference: is required/],
      [
        { display_name: 'x', pipeline_version_reference: { pipeline_id: 'nope' } },
        /Pipeline "nope" was not found/,
      ],
    ])('refuses the body %j', async (json, message) => {
      const { status, body } = await kfp('POST', '/apis/v2beta1/runs', { json });
      expect([400, 404]).toContain(status);
      expect(body.message).toMatch(message);
    });

    it('answers 404 for an unknown experiment and stores nothing', async () => {
      const { status, body } = await kfp('POST', '/apis/v2beta1/runs', {
        json: {
          display_name: 'x',
          experiment_id: 'nope',
          pipeline_version_reference: { pipeline_id: pipelineId },
          runtime_config: { parameters: { a: 1, b: 1 } },
        },
      });
      expect(status).toBe(404);
      expect(body.message).toContain('Experiment "nope"');
    });

    it('gets a run with its task details and state history', async () => {
      const { body } = await kfp('GET', `/apis/v2beta1/runs/${runId}`);
      const tasks = (body.run_details as { task_details: Record<string, unknown>[] }).task_details;
      expect(tasks.map((t) => t.display_name)).toEqual(['root', 'train']);
      expect(tasks[0]).toMatchObject({
        child_tasks: [{ task_id: `${runId}-train` }],
        state: 'SUCCEEDED',
      });
      expect(tasks[1]).toMatchObject({
        parent_task_id: `${runId}-root`,
        input_parameters: { epochs: 3 },
        output_parameters: { loss: 0.25 },
        outputs: { model: { artifact_ids: [expect.stringMatching(/^\d+$/) as unknown] } },
        executor_detail: { main_job: 'c0ffee' },
      });
      expect((body.state_history as { state: string }[]).map((s) => s.state)).toEqual([
        'PENDING',
        'RUNNING',
        'SUCCEEDED',
      ]);
    });

    it('lists runs by experiment, state filter and pages', async () => {
      const run = await kfp('GET', `/apis/v2beta1/runs/${runId}`);
      const inExperiment = await kfp(
        'GET',
        `/apis/v2beta1/runs?experiment_id=${String(run.body.experiment_id)}&page_size=1`,
      );
      expect(inExperiment.body.total_size).toBe(2);
      expect(inExperiment.body.next_page_token).toBeTruthy();
      const next = await kfp(
        'GET',
        `/apis/v2beta1/runs?experiment_id=${String(run.body.experiment_id)}&page_size=1&page_token=${String(inExperiment.body.next_page_token)}`,
      );
      expect(next.body.next_page_token).toBeUndefined();
      const succeeded = await kfp(
        'GET',
        `/apis/v2beta1/runs?filter=${filter([{ key: 'state', operation: 'IN', string_values: { values: ['SUCCEEDED'] } }])}`,
      );
      expect(succeeded.body.total_size).toBe(3);
    });

    it('terminates and retries through the launcher', async () => {
      expect((await kfp('POST', `/apis/v2beta1/runs/${runId}:terminate`)).status).toBe(200);
      expect(api.engine.launcher.calls.at(-1)).toEqual({ method: 'terminate', runId });
      expect((await kfp('GET', `/apis/v2beta1/runs/${runId}`)).body.state).toBe('CANCELED');
      expect((await kfp('POST', `/apis/v2beta1/runs/${runId}:retry`)).status).toBe(200);
      expect(api.engine.launcher.calls.at(-1)).toEqual({ method: 'retry', runId });
      const refused = await kfp('POST', `/apis/v2beta1/runs/${runId}:retry`);
      expect(refused).toMatchObject({ status: 400, body: { code: 9 } });
      expect((await kfp('POST', `/apis/v2beta1/runs/${runId}:explode`)).status).toBe(404);
    });

    it('archives and unarchives a run, and archives the runs of an archived experiment', async () => {
      expect((await kfp('POST', `/apis/v2beta1/runs/${runId}:archive`)).status).toBe(200);
      expect((await kfp('GET', `/apis/v2beta1/runs/${runId}`)).body.storage_state).toBe('ARCHIVED');
      expect((await kfp('POST', `/apis/v2beta1/runs/${runId}:unarchive`)).status).toBe(200);
      const { body } = await kfp('GET', `/apis/v2beta1/runs/${runId}`);
      expect(body.storage_state).toBe('AVAILABLE');
      await kfp('POST', `/apis/v2beta1/experiments/${String(body.experiment_id)}:archive`);
      expect((await kfp('GET', `/apis/v2beta1/runs/${runId}`)).body.storage_state).toBe('ARCHIVED');
      expect((await kfp('POST', `/apis/v2beta1/runs/${runId}:unarchive`)).body.code).toBe(9);
      const blocked = await kfp('POST', '/apis/v2beta1/runs', {
        json: {
          display_name: 'x',
          pipeline_version_reference: { pipeline_id: pipelineId },
          runtime_config: { parameters: { a: 1, b: 1 } },
        },
      });
      expect(blocked).toMatchObject({
        status: 400,
        body: { code: 9, message: expect.stringContaining('archived') as unknown },
      });
      await kfp('POST', `/apis/v2beta1/experiments/${String(body.experiment_id)}:unarchive`);
    });

    it('deletes a run', async () => {
      expect((await kfp('DELETE', `/apis/v2beta1/runs/${runId}`)).status).toBe(200);
      expect((await kfp('GET', `/apis/v2beta1/runs/${runId}`)).status).toBe(404);
      expect(
        api.engine.db.prepare('SELECT COUNT(*) AS n FROM tasks WHERE run_id = ?').get(runId),
      ).toEqual({ n: 0 });
    });
  });
});
