import { invalidArgument } from '../../../core/errors.js';
import { sendJson } from '../../http-errors.js';
import type { Route } from '../../router.js';
import type { KfpContext } from './kfp-context.js';
import { readMultipartFile } from './multipart-upload.js';
import { createPipelineWithVersion, createVersion } from './pipeline-creation.js';
import { pipelineJson, pipelineVersionJson } from './pipeline-json.js';
import { packageFromFile } from './pipeline-package.js';
import { tagsQuery } from './request-fields.js';

const FIELD = 'uploadfile';

const query = (url: URL, name: string): string | undefined =>
  url.searchParams.get(name) || undefined;

/**
 * KFP's upload routes: a multipart `uploadfile` (YAML, JSON, zip or tar.gz) and the rest
 * in the query. The file is read and validated before anything is stored.
 */
export function uploadRoutes(ctx: KfpContext): Route[] {
  return [
    {
      method: 'POST',
      path: '/apis/v2beta1/pipelines/upload',
      handler: async ({ req, url, res }) => {
        const file = await readMultipartFile(req, FIELD);
        const pkg = packageFromFile(file.data, file.fileName, FIELD);
        const tags = tagsQuery(url.searchParams.get('tags'));
        const { pipeline } = createPipelineWithVersion(
          ctx,
          {
            name: query(url, 'name'),
            displayName: query(url, 'display_name'),
            description: query(url, 'description'),
            namespace: query(url, 'namespace'),
            tags,
          },
          { package: pkg, codeSourceUrl: query(url, 'code_source_url'), tags },
          file.fileName,
        );
        sendJson(res, 200, pipelineJson(pipeline));
      },
    },
    {
      method: 'POST',
      path: '/apis/v2beta1/pipelines/upload_version',
      handler: async ({ req, url, res }) => {
        const file = await readMultipartFile(req, FIELD);
        const pipelineId = query(url, 'pipelineid');
        if (!pipelineId)
          throw invalidArgument(
            'pipelineid',
            'is required: the id of the pipeline to add a version to',
          );
        const pkg = packageFromFile(file.data, file.fileName, FIELD);
        const version = createVersion(
          ctx,
          pipelineId,
          {
            name: query(url, 'name'),
            displayName: query(url, 'display_name'),
            description: query(url, 'description'),
            package: pkg,
            codeSourceUrl: query(url, 'code_source_url'),
            tags: tagsQuery(url.searchParams.get('tags')),
          },
          file.fileName,
        );
        sendJson(res, 200, pipelineVersionJson(version));
      },
    },
  ];
}
