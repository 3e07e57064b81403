import { describe, expect, it } from 'vitest';
import { createKfpRunsClient } from './kfp-runs';

function recorder(body: unknown = {}) {
  const calls: { url: string; method: string }[] = [];
  const fetch = (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? 'GET' });
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  };
  return { calls, client: createKfpRunsClient({ fetch }) };
}

describe('KFP runs client', () => {
  it('lists runs with the given query', async () => {
    const { calls, client } = recorder({ runs: [], total_size: 0 });
    const page = await client.listRuns({ page_size: 50, sort_by: 'display_name' });
    expect(page.total_size).toBe(0);
    const url = new URL(calls[0]?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/apis/v2beta1/runs');
    expect(url.searchParams.get('page_size')).toBe('50');
    expect(url.searchParams.get('sort_by')).toBe('display_name');
  });

  it('sends archive, unarchive and terminate as custom methods and delete as DELETE', async () => {
    const { calls, client } = recorder();
    await client.act('r 1', 'archive');
    await client.act('r1', 'unarchive');
    await client.act('r1', 'terminate');
    await client.act('r1', 'delete');
    expect(calls).toEqual([
      { url: '/apis/v2beta1/runs/r%201:archive', method: 'POST' },
      { url: '/apis/v2beta1/runs/r1:unarchive', method: 'POST' },
      { url: '/apis/v2beta1/runs/r1:terminate', method: 'POST' },
      { url: '/apis/v2beta1/runs/r1', method: 'DELETE' },
    ]);
  });
});
