/**
 * KFP REST API v2beta1 conformance, experiments: create, list, filter, get, archive,
 * unarchive and delete, every answer checked against KFP's published swagger. Needs the
 * reference corpus beside the checkout (../shared/corpus); skips without it.
 */
import { describe, expect, it } from 'vitest';
import { filter, hasCorpus, useKfpApi } from './kfp-api-fixtures.js';

describe.skipIf(!hasCorpus)('KFP API v2beta1 conformance', () => {
  const { kfp } = useKfpApi();

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
});
