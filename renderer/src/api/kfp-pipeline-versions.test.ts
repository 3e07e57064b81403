import { describe, expect, it } from 'vitest';
import { createPipelineVersionsClient } from './kfp-pipeline-versions';

describe('pipeline versions client', () => {
  it('uploads a version as multipart uploadfile with the pipeline id in the query', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const client = createPipelineVersionsClient({
      fetch: (url, init) => {
        calls.push({ url, init });
        return Promise.resolve(new Response('{"pipeline_version_id":"v2"}', { status: 200 }));
      },
    });
    const file = new File(['a: 1'], 'iris.yaml');
    const version = await client.uploadVersion('p 1', file, 'v2');
    expect(version.pipeline_version_id).toBe('v2');
    const url = new URL(calls[0]?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/apis/v2beta1/pipelines/upload_version');
    expect(url.searchParams.get('pipelineid')).toBe('p 1');
    expect(url.searchParams.get('name')).toBe('v2');
    const body = calls[0]?.init.body;
    expect(body instanceof FormData && body.get('uploadfile') instanceof File).toBe(true);
  });

  it('deletes a version by its path', async () => {
    const urls: string[] = [];
    const client = createPipelineVersionsClient({
      fetch: (url) => {
        urls.push(url);
        return Promise.resolve(new Response('', { status: 200 }));
      },
    });
    await client.deleteVersion('p', 'v/1');
    expect(urls).toEqual(['/apis/v2beta1/pipelines/p/versions/v%2F1']);
  });
});
