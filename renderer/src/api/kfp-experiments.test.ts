import { describe, expect, it } from 'vitest';
import { createKfpExperimentsClient } from './kfp-experiments';

function recorder(body: unknown = {}) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  const fetch = (url: string, init: RequestInit) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  };
  return { calls, client: createKfpExperimentsClient({ fetch }) };
}

describe('KFP experiments client', () => {
  it('creates, archives and restores experiments at KFP paths', async () => {
    const { calls, client } = recorder({ experiment_id: 'e1', display_name: 'x' });
    await client.create({ display_name: 'x', description: 'd' });
    await client.archive('e 1');
    await client.unarchive('e1');
    await client.list({ page_size: 5 });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /apis/v2beta1/experiments',
      'POST /apis/v2beta1/experiments/e%201:archive',
      'POST /apis/v2beta1/experiments/e1:unarchive',
      'GET /apis/v2beta1/experiments?page_size=5',
    ]);
    expect(calls[0]?.body).toEqual({ display_name: 'x', description: 'd' });
  });
});
