/**
 * KFP REST API v2beta1 conformance, pipeline versions: added by upload, inline spec and
 * package URL, then got, listed and deleted, every answer checked against KFP's published
 * swagger. Needs the reference corpus beside the checkout (../shared/corpus); skips
 * without it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADD_NUMBERS, hasCorpus, specOf, useKfpApi } from './kfp-api-fixtures.js';

describe.skipIf(!hasCorpus)('KFP API v2beta1 conformance', () => {
  const { kfp, upload } = useKfpApi();

  describe('pipeline versions', () => {
    let pipelineId: string;

    // The pipeline the versions join; its upload made its first version, "add-numbers".
    beforeAll(async () => {
      const { body } = await upload(ADD_NUMBERS, '?name=add-numbers');
      pipelineId = String(body.pipeline_id);
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
