/**
 * KFP REST API v2beta1 conformance, pipelines: upload (multipart `uploadfile`), get by id
 * and name, list with paging, sorting and filters, create with a version, delete. Drives
 * the routes the way `kfp.Client` does and checks every response body against KFP's
 * published swagger. Needs the reference corpus beside the checkout (../shared/corpus);
 * skips without it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ADD_NUMBERS,
  filter,
  hasCorpus,
  IR,
  specOf,
  useKfpApi,
  WITH_PLATFORM,
} from './kfp-api-fixtures.js';

describe.skipIf(!hasCorpus)('KFP API v2beta1 conformance', () => {
  const api = useKfpApi();
  const { kfp, upload } = api;
  const totalPipelines = async (): Promise<unknown> =>
    (await kfp('GET', '/apis/v2beta1/pipelines')).body.total_size;

  it('has a validator that catches a misnamed field', () => {
    expect(api.swagger.checkDefinition('v2beta1Pipeline', { pipelineId: 'x' })).not.toEqual([]);
    expect(
      api.swagger.checkDefinition('v2beta1Pipeline', { pipeline_id: 'x', created_at: 'yesterday' }),
    ).not.toEqual([]);
    expect(
      api.swagger.checkDefinition('v2beta1Pipeline', {
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
});
