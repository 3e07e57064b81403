import { describe, expect, it, vi } from 'vitest';

// The app instance reads the session module, which needs a browser; tests build their own.
vi.mock('../state/session.svelte', () => ({ session: { expire: () => undefined } }));

const { createKfpRunActions } = await import('./kfp-run-actions');

function recorder(body: unknown = {}) {
  const calls: { url: string; method: string | undefined }[] = [];
  const fetch = (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method });
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  };
  return { calls, client: createKfpRunActions({ fetch }) };
}

describe('KFP run actions', () => {
  it('deletes, archives and restores runs on KFP paths', async () => {
    const { calls, client } = recorder();
    await client.deleteRun('r/1');
    await client.archiveRun('r1');
    await client.unarchiveRun('r1');
    expect(calls).toEqual([
      { url: '/apis/v2beta1/runs/r%2F1', method: 'DELETE' },
      { url: '/apis/v2beta1/runs/r1:archive', method: 'POST' },
      { url: '/apis/v2beta1/runs/r1:unarchive', method: 'POST' },
    ]);
  });

  it('reads a run with its storage state and an experiment', async () => {
    const { calls, client } = recorder({ run_id: 'r1', storage_state: 'ARCHIVED' });
    const run = await client.getRunDetail('r1');
    expect(run.storage_state).toBe('ARCHIVED');
    await client.getExperiment('e1');
    expect(calls[1]).toEqual({ url: '/apis/v2beta1/experiments/e1', method: 'GET' });
  });
});
