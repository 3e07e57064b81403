import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { createKfpClient, queryString, stateFilter } from './kfp-client';

function recorder(status = 200, body: unknown = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
  const call = (i: number) => {
    const found = calls[i];
    if (!found) throw new Error(`no request #${i}`);
    return found;
  };
  return { call, client: createKfpClient({ fetch }) };
}

describe('KFP client', () => {
  it('builds list queries from the defined options only', async () => {
    expect(queryString({ a: 1, b: undefined, c: '' })).toBe('?a=1');
    const { call, client } = recorder(200, { runs: [] });
    await client.listRuns({
      page_size: 20,
      page_token: 'tok',
      sort_by: 'created_at desc',
      filter: stateFilter('FAILED'),
    });
    const url = new URL(call(0).url, 'http://x');
    expect(url.pathname).toBe('/apis/v2beta1/runs');
    expect(url.searchParams.get('page_size')).toBe('20');
    expect(url.searchParams.get('sort_by')).toBe('created_at desc');
    expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual({
      predicates: [{ key: 'state', operation: 'EQUALS', string_value: 'FAILED' }],
    });
  });

  it('posts runs as JSON and custom methods on the run path', async () => {
    const { call, client } = recorder(200, { run_id: 'r1' });
    await client.createRun({
      display_name: 'n',
      pipeline_version_reference: { pipeline_id: 'p', pipeline_version_id: 'v' },
      runtime_config: { parameters: { a: 1 } },
    });
    expect(call(0).init.method).toBe('POST');
    expect(JSON.parse(call(0).init.body as string)).toMatchObject({ display_name: 'n' });
    await client.terminateRun('r 1');
    expect(call(1).url).toBe('/apis/v2beta1/runs/r%201:terminate');
    await client.getTaskLogs('r1', 't1');
    expect(call(2).url).toBe('/api/v1/runs/r1/tasks/t1/logs');
  });

  it('uploads a file as multipart uploadfile with the name in the query', async () => {
    const { call, client } = recorder(200, { pipeline_id: 'p' });
    await client.uploadPipeline(new File(['a: 1'], 'p.yaml'), 'my pipe');
    expect(call(0).url).toBe('/apis/v2beta1/pipelines/upload?name=my+pipe');
    const body = call(0).init.body as FormData;
    expect(body.get('uploadfile')).toBeInstanceOf(Blob);
    expect((call(0).init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('turns a KFP error into an ApiError with its message', async () => {
    const { client } = recorder(400, { code: 3, message: 'invalid YAML at line 2' });
    const error = await client.listPipelines().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('invalid YAML at line 2');
    expect((error as ApiError).code).toBe('INVALID_ARGUMENT');
  });
});
