import { describe, expect, it } from 'vitest';
import { createKfpRecurringRunsClient, recurringRunFilter } from './kfp-recurring-runs';

function recorder(body: unknown = {}) {
  const calls: string[] = [];
  const fetch = (url: string, init: RequestInit) => {
    calls.push(`${init.method ?? 'GET'} ${url}`);
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  };
  return { calls, client: createKfpRecurringRunsClient({ fetch }) };
}

describe('KFP recurring runs client', () => {
  it('reads the list under either JSON name', async () => {
    const a = recorder({ recurringRuns: [{ recurring_run_id: 'a' }], next_page_token: 't' });
    expect((await a.client.list()).recurringRuns).toHaveLength(1);
    const b = recorder({ recurring_runs: [{ recurring_run_id: 'b' }] });
    expect((await b.client.list({ experiment_id: 'e' })).recurringRuns[0]?.recurring_run_id).toBe(
      'b',
    );
    expect(b.calls).toEqual(['GET /apis/v2beta1/recurringruns?experiment_id=e']);
    expect((await recorder({}).client.list()).recurringRuns).toEqual([]);
  });

  it('enables, disables and deletes by id', async () => {
    const { calls, client } = recorder();
    await client.enable('r1');
    await client.disable('r1');
    await client.remove('r1');
    expect(calls).toEqual([
      'POST /apis/v2beta1/recurringruns/r1:enable',
      'POST /apis/v2beta1/recurringruns/r1:disable',
      'DELETE /apis/v2beta1/recurringruns/r1',
    ]);
  });

  it('filters runs by the recurring run that triggered them', () => {
    expect(JSON.parse(recurringRunFilter('r1'))).toEqual({
      predicates: [{ key: 'recurring_run_id', operation: 'EQUALS', string_value: 'r1' }],
    });
  });
});
