/**
 * KFP REST API v2beta1 conformance: drives the engine's /apis/v2beta1 routes the way
 * `kfp.Client` does and checks every response body against KFP's published swagger.
 * Needs the reference corpus beside the checkout (../shared/corpus); skips without it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKfpTestEngine, type KfpTestEngine } from '../support/kfp-test-engine.js';
import { loadSwaggerValidator, type SwaggerValidator } from '../support/swagger-validator.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const SWAGGER = join(CORPUS, 'kfp-api/kfp_api_single_file.swagger.json');
const IR = join(CORPUS, 'kfp-ir');
const hasCorpus = existsSync(SWAGGER) && existsSync(IR);
if (!hasCorpus)
  console.warn(`[skip] KFP API conformance: the reference corpus is not at ${CORPUS}.`);

const ADD_NUMBERS = join(IR, 'valid/critical/add_numbers.yaml');
const WITH_PLATFORM = join(IR, 'valid/critical/pipeline_with_pod_metadata.yaml');

let engine: KfpTestEngine;
let swagger: SwaggerValidator;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** Calls the API and checks the answer against the swagger, whatever its status. */
async function kfp(
  method: string,
  path: string,
  init: { json?: unknown; form?: FormData } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${engine.token}` };
  let body: string | FormData | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.form) {
    body = init.form;
  }
  const res = await fetch(`${engine.url}${path}`, { method, headers, ...(body ? { body } : {}) });
  const json = (await res.json()) as Record<string, unknown>;
  swagger.assertResponse(method, path, res.status, json);
  return { status: res.status, body: json };
}

function upload(file: string, query = '', route = 'upload'): Promise<Answer> {
  const form = new FormData();
  form.append('uploadfile', new Blob([readFileSync(file)]), basename(file));
  return kfp('POST', `/apis/v2beta1/pipelines/${route}${query}`, { form });
}

const filter = (predicates: unknown[]): string =>
  encodeURIComponent(JSON.stringify({ predicates }));
/** The file's YAML documents, parsed independently of the engine. */
function specOf(file: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'));
  expect(documents.flatMap((d) => d.errors)).toEqual([]);
  return documents.map((d) => d.toJSON() as unknown);
}
const totalPipelines = async (): Promise<unknown> =>
  (await kfp('GET', '/apis/v2beta1/pipelines')).body.total_size;

describe.skipIf(!hasCorpus)('KFP API v2beta1 conformance', () => {
  beforeAll(async () => {
    swagger = loadSwaggerValidator(SWAGGER, {
      strict: true,
      extensions: {
        googleRpcStatus: ['error_message'],
        v2beta1PipelineTaskDetail: ['input_parameters', 'output_parameters'],
      },
    });
    engine = await startKfpTestEngine();
  });

  afterAll(async () => {
    await engine.stop();
  });

  it('has a validator that catches a misnamed field', () => {
    expect(swagger.checkDefinition('v2beta1Pipeline', { pipelineId: 'x' })).not.toEqual([]);
    expect(
      swagger.checkDefinition('v2beta1Pipeline', { pipeline_id: 'x', created_at: 'yesterday' }),
    ).not.toEqual([]);
    expect(
      swagger.checkDefinition('v2beta1Pipeline', {
        pipeline_id: 'x',
        created_at: '2026-01-01T00:00:00.000Z',
      }),
    ).toEqual([]);
  });

  describe('pipelines', () => {
    let pipelineId: string;

    it('uploads a compiled pipeline as multipart `uploadfile`, with its first version', async () => {
      const { status, body } = await upload(ADD_NUMBERS, '?name=add-numbers&description=adds');
      expect(status).toBe(200);
      expect(body).toMatchObject({
        name: 'add-numbers',
        display_name: 'add-numbers',
        description: 'adds',
        namespace: '',
      });
      pipelineId = String(body.pipeline_id);
      const versions = await kfp('GET', `/apis/v2beta1/pipelines/${pipelineId}/versions`);
      expect(versions.body.total_size).toBe(1);
      const [version] = versions.body.pipeline_versions as Record<string, unknown>[];
      expect(version).toMatchObject({ pipeline_id: pipelineId, name: 'add-numbers' });
      expect(version?.pipeline_spec).toEqual(specOf(ADD_NUMBERS)[0]);
    });

    it('names an unnamed upload after its file', async () => {
      const { body } = await upload(WITH_PLATFORM);
      expect(body.name).toBe('pipeline_with_pod_metadata.yaml');
    });

    it('answers the pipeline spec with its platform spec as {pipeline_spec, platform_spec}', async () => {
      const { body } = await kfp(
        'GET',
        '/apis/v2beta1/pipelines/names/pipeline_with_pod_metadata.yaml',
      );
      const versions = await kfp(
        'GET',
        `/apis/v2beta1/pipelines/${String(body.pipeline_id)}/versions`,
      );
      const [spec, platform] = specOf(WITH_PLATFORM);
      expect(
        (versions.body.pipeline_versions as { pipeline_spec: unknown }[])[0]?.pipeline_spec,
      ).toEqual({
        pipeline_spec: spec,
        platform_spec: platform,
      });
    });

    it('refuses a duplicate name with 409 ALREADY_EXISTS and stores nothing', async () => {
      const before = await totalPipelines();
      const { status, body } = await upload(ADD_NUMBERS, '?name=add-numbers');
      expect(status).toBe(409);
      expect(body).toMatchObject({
        code: 6,
        message: expect.stringContaining('add-numbers') as unknown,
      });
      expect(await totalPipelines()).toBe(before);
    });

    it.each(hasCorpus ? readdirSync(join(IR, 'invalid')) : [])(
      'refuses the invalid upload %s with 400 and stores nothing',
      async (file) => {
        const before = await totalPipelines();
        const { status, body } = await upload(join(IR, 'invalid', file), `?name=invalid-${file}`);
        expect(status).toBe(400);
        expect(body).toMatchObject({
          code: 3,
          message: expect.stringMatching(/^uploadfile: /) as unknown,
        });
        expect(await totalPipelines()).toBe(before);
      },
    );

    it('gets a pipeline by id and by name, and answers 404 for unknown ones', async () => {
      expect((await kfp('GET', `/apis/v2beta1/pipelines/${pipelineId}`)).body.name).toBe(
        'add-numbers',
      );
      expect((await kfp('GET', '/apis/v2beta1/pipelines/names/add-numbers')).body.pipeline_id).toBe(
        pipelineId,
      );
      expect((await kfp('GET', '/apis/v2beta1/pipelines/nope')).status).toBe(404);
      expect((await kfp('GET', '/apis/v2beta1/pipelines/names/nope')).body.code).toBe(5);
    });

    it('creates pipelines without versions and pages through all of them in 3 pages', async () => {
      for (let i = 0; i < 5; i++) {
        const { status } = await kfp('POST', '/apis/v2beta1/pipelines', {
          json: { name: `paged-${i}`, description: `#${i}` },
        });
        expect(status).toBe(200);
      }
      const total = Number(await totalPipelines());
      const pageSize = Math.ceil(total / 3);
      const seen: string[] = [];
      let token = '';
      for (let page = 1; page <= 3; page++) {
        const { body } = await kfp(
          'GET',
          `/apis/v2beta1/pipelines?page_size=${pageSize}&sort_by=created_at${token ? `&page_token=${token}` : ''}`,
        );
        expect(body.total_size).toBe(total);
        seen.push(...(body.pipelines as { pipeline_id: string }[]).map((p) => p.pipeline_id));
        token = typeof body.next_page_token === 'string' ? body.next_page_token : '';
        expect(Boolean(token)).toBe(page < 3);
      }
      expect(new Set(seen).size).toBe(total);
    });

    it('sorts by name, descending', async () => {
      const { body } = await kfp(
        'GET',
        '/apis/v2beta1/pipelines?sort_by=name%20desc&page_size=200',
      );
      const names = (body.pipelines as { name: string }[]).map((p) => p.name);
      expect(names).toEqual([...names].sort().reverse());
    });

    it('filters as the KFP SDK does (operation number, stringValue) and by substring', async () => {
      const exact = await kfp(
        'GET',
        `/apis/v2beta1/pipelines?filter=${filter([{ operation: 1, key: 'display_name', stringValue: 'paged-3' }])}`,
      );
      expect((exact.body.pipelines as { name: string }[]).map((p) => p.name)).toEqual(['paged-3']);
      const partial = await kfp(
        'GET',
        `/apis/v2beta1/pipelines?filter=${filter([{ operation: 'IS_SUBSTRING', key: 'name', string_value: 'paged-' }])}`,
      );
      expect(partial.body.total_size).toBe(5);
      const bad = await kfp(
        'GET',
        `/apis/v2beta1/pipelines?filter=${filter([{ operation: 'EQUALS', key: 'color', string_value: 'x' }])}`,
      );
      expect(bad).toMatchObject({
        status: 400,
        body: { code: 3, message: expect.stringContaining('color') as unknown },
      });
    });

    it('adds versions by upload, inline spec and package URL; gets, lists and deletes them', async () => {
      const uploaded = await upload(
        ADD_NUMBERS,
        `?pipelineid=${pipelineId}&name=v2`,
        'upload_version',
      );
      expect(uploaded).toMatchObject({
        status: 200,
        body: { pipeline_id: pipelineId, name: 'v2' },
      });
      const inline = await kfp('POST', `/apis/v2beta1/pipelines/${pipelineId}/versions`, {
        json: { name: 'v3', pipeline_spec: specOf(ADD_NUMBERS)[0] },
      });
      expect(inline.status).toBe(200);
      const files = await serveFile(ADD_NUMBERS);
      try {
        const fetched = await kfp('POST', `/apis/v2beta1/pipelines/${pipelineId}/versions`, {
          json: { name: 'v4', package_url: { pipeline_url: files.url } },
        });
        expect(fetched.body).toMatchObject({
          name: 'v4',
          package_url: { pipeline_url: files.url },
        });
      } finally {
        files.server.close();
      }
      const versionId = String(inline.body.pipeline_version_id);
      const one = await kfp('GET', `/apis/v2beta1/pipelines/${pipelineId}/versions/${versionId}`);
      expect(one.body.name).toBe('v3');
      const list = await kfp(
        'GET',
        `/apis/v2beta1/pipelines/${pipelineId}/versions?sort_by=name&page_size=2`,
      );
      expect(list.body).toMatchObject({ total_size: 4 });
      expect((list.body.pipeline_versions as { name: string }[]).map((v) => v.name)).toEqual([
        'add-numbers',
        'v2',
      ]);
      expect(
        (await kfp('DELETE', `/apis/v2beta1/pipelines/${pipelineId}/versions/${versionId}`)).status,
      ).toBe(200);
      expect(
        (await kfp('GET', `/apis/v2beta1/pipelines/${pipelineId}/versions/${versionId}`)).status,
      ).toBe(404);
      const duplicate = await upload(
        ADD_NUMBERS,
        `?pipelineid=${pipelineId}&name=v2`,
        'upload_version',
      );
      expect(duplicate.status).toBe(409);
    });

    it('creates a pipeline and its version in one call', async () => {
      const { status, body } = await kfp('POST', '/apis/v2beta1/pipelines/create', {
        json: {
          pipeline: { name: 'together' },
          pipeline_version: { pipeline_spec: specOf(ADD_NUMBERS)[0] },
        },
      });
      expect(status).toBe(200);
      const versions = await kfp(
        'GET',
        `/apis/v2beta1/pipelines/${String(body.pipeline_id)}/versions`,
      );
      expect(versions.body.total_size).toBe(1);
    });

    it('refuses to delete a pipeline with versions unless cascade=true', async () => {
      const { body } = await kfp('GET', '/apis/v2beta1/pipelines/names/together');
      const id = String(body.pipeline_id);
      const refused = await kfp('DELETE', `/apis/v2beta1/pipelines/${id}`);
      expect(refused).toMatchObject({
        status: 400,
        body: { code: 9, message: expect.stringContaining('cascade=true') as unknown },
      });
      expect((await kfp('DELETE', `/apis/v2beta1/pipelines/${id}?cascade=true`)).status).toBe(200);
      expect((await kfp('GET', `/apis/v2beta1/pipelines/${id}`)).status).toBe(404);
      const bare = await kfp('GET', '/apis/v2beta1/pipelines/names/paged-0');
      expect(
        (await kfp('DELETE', `/apis/v2beta1/pipelines/${String(bare.body.pipeline_id)}`)).status,
      ).toBe(200);
    });
  });

  describe('experiments', () => {
    it('creates, refuses duplicates, lists, filters, gets, archives, unarchives and deletes', async () => {
      const created = await kfp('POST', '/apis/v2beta1/experiments', {
        json: { display_name: 'exp-a', description: 'a' },
      });
      expect(created.body).toMatchObject({ display_name: 'exp-a', storage_state: 'AVAILABLE' });
      const id = String(created.body.experiment_id);
      expect(
        (await kfp('POST', '/apis/v2beta1/experiments', { json: { display_name: 'exp-a' } }))
          .status,
      ).toBe(409);
      expect(
        (await kfp('POST', '/apis/v2beta1/experiments', { json: { description: 'no name' } })).body
          .message,
      ).toMatch(/^display_name: /);
      const found = await kfp(
        'GET',
        `/apis/v2beta1/experiments?filter=${filter([{ operation: 1, key: 'display_name', stringValue: 'exp-a' }])}&namespace=`,
      );
      expect(found.body.experiments).toEqual([created.body]);
      expect((await kfp('POST', `/apis/v2beta1/experiments/${id}:archive`)).status).toBe(200);
      expect((await kfp('GET', `/apis/v2beta1/experiments/${id}`)).body.storage_state).toBe(
        'ARCHIVED',
      );
      const archived = await kfp(
        'GET',
        `/apis/v2beta1/experiments?filter=${filter([{ operation: 'EQUALS', key: 'storage_state', string_value: 'ARCHIVED' }])}`,
      );
      expect(archived.body.total_size).toBe(1);
      expect((await kfp('POST', `/apis/v2beta1/experiments/${id}:unarchive`)).status).toBe(200);
      expect((await kfp('GET', `/apis/v2beta1/experiments/${id}`)).body.storage_state).toBe(
        'AVAILABLE',
      );
      expect((await kfp('DELETE', `/apis/v2beta1/experiments/${id}`)).status).toBe(200);
      expect((await kfp('GET', `/apis/v2beta1/experiments/${id}`)).status).toBe(404);
    });
  });

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
      expect(engine.launcher.calls).toContainEqual({ method: 'start', runId });
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
      expect(engine.launcher.calls.at(-1)).toEqual({ method: 'terminate', runId });
      expect((await kfp('GET', `/apis/v2beta1/runs/${runId}`)).body.state).toBe('CANCELED');
      expect((await kfp('POST', `/apis/v2beta1/runs/${runId}:retry`)).status).toBe(200);
      expect(engine.launcher.calls.at(-1)).toEqual({ method: 'retry', runId });
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
        engine.db.prepare('SELECT COUNT(*) AS n FROM tasks WHERE run_id = ?').get(runId),
      ).toEqual({ n: 0 });
    });
  });
});

/** Serves one file over HTTP, for `package_url`. */
async function serveFile(file: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.end(readFileSync(file)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/${basename(file)}`,
    server,
  };
}
