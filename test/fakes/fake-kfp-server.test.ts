/**
 * The fake KFP server answers as KFP does and refuses what KFP would: swagger-checked
 * requests, multi-user namespaces, bearer tokens, 404/409, pagination and run states.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  startFakeKfpServer,
  type FakeKfpOptions,
  type FakeKfpServer,
} from './fake-kfp-server/index.js';

const SPEC = [
  'pipelineInfo: {name: tiny}',
  'root: {dag: {tasks: {}}}',
  'schemaVersion: 2.1.0',
  'sdkVersion: kfp-2.17.3',
  '',
].join('\n');

let kfp: FakeKfpServer | undefined;
afterEach(async () => {
  await kfp?.stop();
  kfp = undefined;
});

async function start(options: FakeKfpOptions = {}): Promise<FakeKfpServer> {
  kfp = await startFakeKfpServer(options);
  return kfp;
}

type Body = Record<string, unknown>;
async function call(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: Body }> {
  if (!kfp) throw new Error('start the fake first');
  const res = await fetch(`${kfp.url}/apis/v2beta1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

async function upload(
  query: string,
  field = 'uploadfile',
  token?: string,
): Promise<{ status: number; body: Body }> {
  if (!kfp) throw new Error('start the fake first');
  const form = new FormData();
  form.append(field, new Blob([SPEC]), 'tiny.yaml');
  const res = await fetch(`${kfp.url}/apis/v2beta1/pipelines/upload${query}`, {
    method: 'POST',
    body: form,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

const responseFailures = (): unknown[] =>
  (kfp?.failures ?? []).filter((f) => f.kind === 'response');

describe('fake KFP server', () => {
  it('uploads a pipeline, refuses the same name with 409 and finds it by id, name and version', async () => {
    await start();
    const first = await upload('?name=tiny');
    expect(first.status).toBe(200);
    const id = String(first.body.pipeline_id);
    expect((await upload('?name=tiny')).status).toBe(409);
    expect((await call('GET', `/pipelines/${id}`)).body.display_name).toBe('tiny');
    expect((await call('GET', '/pipelines/names/tiny')).body.pipeline_id).toBe(id);
    const versions = await call('GET', `/pipelines/${id}/versions`);
    expect(versions.body.total_size).toBe(1);
    expect((await call('GET', '/pipelines/no-such-id')).status).toBe(404);
    expect(kfp?.failures).toEqual([]);
  });

  it('refuses a wrong multipart field, an unknown query parameter and a camelCase body with 400 naming them', async () => {
    await start();
    const badField = await upload('', 'file');
    expect(badField.status).toBe(400);
    expect(badField.body.message).toContain('"file"');
    const badQuery = await call('GET', '/runs?pageSize=5');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.message).toContain('pageSize');
    const badBody = await call('POST', '/experiments', { displayName: 'x' });
    expect(badBody.status).toBe(400);
    expect(badBody.body.message).toContain('displayName');
    expect((await call('PUT', '/runs')).status).toBe(400);
    expect(kfp?.failures.filter((f) => f.kind === 'request')).toHaveLength(4);
    expect(responseFailures()).toEqual([]);
  });

  it('pages through a list with page_size, next_page_token, total_size, sort_by and filter', async () => {
    await start();
    for (const name of ['c', 'a', 'b']) await call('POST', '/experiments', { display_name: name });
    const first = await call('GET', '/experiments?page_size=2&sort_by=name');
    expect(first.body.total_size).toBe(3);
    const names = (body: Body): unknown[] =>
      ((body.experiments as Body[] | undefined) ?? []).map((e) => e.display_name);
    expect(names(first.body)).toEqual(['a', 'b']);
    const second = await call(
      'GET',
      `/experiments?page_size=2&sort_by=name&page_token=${String(first.body.next_page_token)}`,
    );
    expect(names(second.body)).toEqual(['c']);
    expect(second.body.next_page_token).toBeUndefined();
    const filter = JSON.stringify({
      predicates: [{ operation: 'EQUALS', key: 'display_name', stringValue: 'b' }],
    });
    expect(
      names((await call('GET', `/experiments?filter=${encodeURIComponent(filter)}`)).body),
    ).toEqual(['b']);
    expect((await call('GET', '/experiments?sort_by=colour')).status).toBe(400);
    expect(responseFailures()).toEqual([]);
  });

  it('moves a run PENDING → RUNNING → SUCCEEDED on its script, into the Default experiment', async () => {
    await start({ runTimeline: { pendingMs: 30, runningMs: 30, outcome: 'SUCCEEDED' } });
    const created = await call('POST', '/runs', {
      display_name: 'r',
      pipeline_spec: { pipelineInfo: { name: 'x' } },
    });
    expect(created.body.state).toBe('PENDING');
    await new Promise((r) => setTimeout(r, 100));
    const done = await call('GET', `/runs/${String(created.body.run_id)}`);
    expect(done.body.state).toBe('SUCCEEDED');
    expect((done.body.state_history as Body[]).map((h) => h.state)).toEqual([
      'PENDING',
      'RUNNING',
      'SUCCEEDED',
    ]);
    const experiment = await call('GET', `/experiments/${String(done.body.experiment_id)}`);
    expect(experiment.body.display_name).toBe('Default');
    expect(responseFailures()).toEqual([]);
  });

  it('keeps a manual run pending until terminated, then refuses a second terminate; archives it', async () => {
    await start({ runTimeline: 'manual' });
    const { body } = await call('POST', '/runs', {
      display_name: 'r',
      pipeline_spec: { pipelineInfo: { name: 'x' } },
    });
    const id = String(body.run_id);
    expect((await call('GET', `/runs/${id}`)).body.state).toBe('PENDING');
    expect((await call('POST', `/runs/${id}:terminate`)).status).toBe(200);
    expect((await call('GET', `/runs/${id}`)).body.state).toBe('CANCELED');
    expect((await call('POST', `/runs/${id}:terminate`)).status).toBe(400);
    await call('POST', `/runs/${id}:archive`);
    expect((await call('GET', `/runs/${id}`)).body.storage_state).toBe('ARCHIVED');
    expect((await call('POST', '/runs', { display_name: 'r' })).status).toBe(400);
    expect(responseFailures()).toEqual([]);
  });

  it('accepts 6-field cron and intervals, refuses 5-field cron, and enables and disables', async () => {
    await start();
    const spec = { pipeline_spec: { pipelineInfo: { name: 'x' } } };
    const five = await call('POST', '/recurringruns', {
      display_name: 'c',
      ...spec,
      trigger: { cron_schedule: { cron: '0 * * * *' } },
    });
    expect(five.status).toBe(400);
    expect(five.body.message).toContain('6 fields');
    const cron = await call('POST', '/recurringruns', {
      display_name: 'c',
      ...spec,
      mode: 'ENABLE',
      trigger: { cron_schedule: { cron: '0 0 * * * *' } },
    });
    expect(cron.body.status).toBe('ENABLED');
    const every = await call('POST', '/recurringruns', {
      display_name: 'p',
      ...spec,
      trigger: { periodic_schedule: { interval_second: '60' } },
    });
    expect(every.status).toBe(200);
    const id = String(cron.body.recurring_run_id);
    await call('POST', `/recurringruns/${id}:disable`);
    expect((await call('GET', `/recurringruns/${id}`)).body.status).toBe('DISABLED');
    await call('POST', `/recurringruns/${id}:enable`);
    expect((await call('GET', `/recurringruns/${id}`)).body.status).toBe('ENABLED');
    expect((await call('GET', '/recurringruns')).body.total_size).toBe(2);
    expect(kfp?.failures.filter((f) => f.kind === 'response')).toEqual([]);
  });

  it('in multi-user mode wants a token (401), a namespace on lists (400) and only the caller’s own (403)', async () => {
    await start({ multiUser: true, tokens: { alice: 'team-a', bob: 'team-b' } });
    expect((await call('GET', '/healthz')).body.multi_user).toBe(true);
    expect((await call('GET', '/experiments?namespace=team-a')).status).toBe(401);
    expect((await call('GET', '/experiments?namespace=team-a', undefined, 'mallory')).status).toBe(
      401,
    );
    expect((await call('GET', '/experiments', undefined, 'alice')).status).toBe(400);
    expect((await call('GET', '/runs', undefined, 'alice')).status).toBe(400);
    expect((await call('GET', '/experiments?namespace=team-b', undefined, 'alice')).status).toBe(
      403,
    );
    const created = await call(
      'POST',
      '/experiments',
      { display_name: 'e', namespace: 'team-a' },
      'alice',
    );
    expect(created.status).toBe(200);
    const id = String(created.body.experiment_id);
    expect((await call('GET', `/experiments/${id}`, undefined, 'bob')).status).toBe(403);
    const run = {
      display_name: 'r',
      experiment_id: id,
      pipeline_spec: { pipelineInfo: { name: 'x' } },
    };
    expect((await call('POST', '/runs', run, 'bob')).status).toBe(403);
    expect((await call('POST', '/runs', run, 'alice')).status).toBe(200);
    expect((await call('GET', '/runs?namespace=team-a', undefined, 'alice')).body.total_size).toBe(
      1,
    );
    expect((await upload('?name=shared', 'uploadfile', 'alice')).status).toBe(200);
    expect(responseFailures()).toEqual([]);
  });
});
