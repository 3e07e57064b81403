import { createRequest, type ApiClientOptions } from './http-request';
import { KFP_BASE, queryString } from './kfp-client';
import type { KfpPipelineVersion } from './kfp-types';

const seg = encodeURIComponent;

/** KFP pipeline-version calls that kfp-client.ts does not have: upload and delete. */
export function createPipelineVersionsClient(options: ApiClientOptions = {}) {
  const request = createRequest(options);
  return {
    /** Multipart upload of a new version of `pipelineId`, as KFP's `uploadfile` field. */
    uploadVersion: (pipelineId: string, file: Blob, name: string, description?: string) => {
      const form = new FormData();
      form.append('uploadfile', file, file instanceof File ? file.name : 'pipeline.yaml');
      const query = queryString({ pipelineid: pipelineId, name, description });
      return request<KfpPipelineVersion>('POST', `${KFP_BASE}/pipelines/upload_version${query}`, {
        body: form,
      });
    },

    deleteVersion: async (pipelineId: string, versionId: string): Promise<void> => {
      await request<unknown>(
        'DELETE',
        `${KFP_BASE}/pipelines/${seg(pipelineId)}/versions/${seg(versionId)}`,
      );
    },
  };
}

export type PipelineVersionsClient = ReturnType<typeof createPipelineVersionsClient>;
