import { statSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkiffError } from '../../engine/src/core/errors.js';
import { KfpRestClient } from '../../engine/src/targets/kfp-rest-client.js';
import { promote } from '../../engine/src/targets/promote.js';
import { clientFor, testTarget } from '../../engine/src/targets/target-connect.js';
import { startFakeKfpServer, type FakeKfpServer } from '../fakes/fake-kfp-server/index.js';
import { greetSpec, memoryStore } from './fixtures.js';

const TOKEN = 'team-a-token-4f2c';
let kfp: FakeKfpServer;
const { store, home } = memoryStore();

beforeAll(async () => {
  kfp = await startFakeKfpServer({ multiUser: true, tokens: { [TOKEN]: 'team-a' } });
  await store.put('prod', {
    url: kfp.url,
    auth: { type: 'bearer', token: TOKEN },
    namespace: 'team-a',
  });
});
afterAll(async () => {
  expect(kfp.failures).toEqual([]);
  await kfp.stop();
});

async function client(name = 'prod'): Promise<KfpRestClient> {
  return clientFor(await store.get(name));
}

describe('targets against a multi-user Kubeflow (fake KFP server)', () => {
  it('keeps the token in a 0600 file and shows only its last 4 characters', async () => {
    const view = await store.view('prod');
    expect(view.auth).toEqual({ type: 'bearer', hint: '…4f2c' });
    expect(JSON.stringify(store.list())).not.toContain(TOKEN);
    const file = `${home}/secrets/targets/prod.json`;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(TOKEN);
  });

  it('refuses a target name that is not DNS-like, naming the field', async () => {
    await expect(store.put('Prod_1', { url: kfp.url, auth: { type: 'none' } })).rejects.toThrow(
      /^name: /,
    );
    await expect(store.put('x', { url: 'ftp://a', auth: { type: 'none' } })).rejects.toThrow(
      /^url: /,
    );
  });

  it('"Test connection" reports multi-user and succeeds with the right token', async () => {
    const result = await testTarget(await store.get('prod'));
    expect(result).toMatchObject({ ok: true, multiUser: true });
  });

  it('a wrong token gives the server message and the fix', async () => {
    await store.put('wrong', {
      url: kfp.url,
      auth: { type: 'bearer', token: 'nope' },
      namespace: 'team-a',
    });
    const result = await testTarget(await store.get('wrong'));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/bearer token was not accepted.*update the token/s);
    const error = await (
      await client('wrong')
    )
      .ensureExperimentsReadable()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkiffError);
    expect((error as SkiffError).code).toBe('UNAUTHENTICATED');
  });

  it('an unreachable target is UNAVAILABLE with what to check', async () => {
    await store.put('gone', { url: 'http://127.0.0.1:9', auth: { type: 'none' } });
    const error = (await (await client('gone')).healthz().catch((e: unknown) => e)) as SkiffError;
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:9.*port-forward/s);
  });

  it('pushes a new pipeline with a recurring run, then recognises it unchanged', async () => {
    const target = await store.get('prod');
    const pkg = { pipelineSpec: greetSpec() };
    const first = await promote({
      kfp: await client(),
      target,
      pipelineName: 'greet',
      pkg,
      schedule: { cron: '0 0 * * * ?' },
    });
    expect(first).toMatchObject({ uploaded: true, unchanged: false, localImages: [] });
    expect(first.recurringRunId).toBeDefined();
    expect([...kfp.state.recurringRuns.values()]).toHaveLength(1);
    const again = await promote({ kfp: await client(), target, pipelineName: 'greet', pkg });
    expect(again).toMatchObject({
      unchanged: true,
      uploaded: false,
      remoteVersionId: first.remoteVersionId,
    });
  });

  it('shows a diff for a changed pipeline and uploads it only with force', async () => {
    const target = await store.get('prod');
    const pkg = { pipelineSpec: greetSpec('busybox', 'goodbye') };
    const versionsBefore = kfp.state.versions.size;
    const shown = await promote({ kfp: await client(), target, pipelineName: 'greet', pkg });
    expect(shown.uploaded).toBe(false);
    expect(shown.diff).toMatch(/^-.*hello/m);
    expect(shown.diff).toMatch(/^\+.*goodbye/m);
    expect(kfp.state.versions.size).toBe(versionsBefore);
    const pushed = await promote({
      kfp: await client(),
      target,
      pipelineName: 'greet',
      pkg,
      force: true,
      versionName: 'v2',
    });
    expect(pushed.uploaded).toBe(true);
    expect(kfp.state.versions.size).toBe(versionsBefore + 1);
    const clash = promote({
      kfp: await client(),
      target,
      pipelineName: 'greet',
      pkg: { pipelineSpec: greetSpec('busybox', 'third') },
      force: true,
      versionName: 'v2',
    });
    await expect(clash).rejects.toThrow(/already has a version named "v2".*--version/);
  });

  it('leaves nothing behind when the recurring run cannot be created', async () => {
    const target = await store.get('prod');
    const base = await client();
    class SchedulerDown extends KfpRestClient {
      override createRecurringRun(): never {
        throw new SkiffError('INTERNAL', 'scheduler down');
      }
    }
    const failing = new SchedulerDown(base.connection, base.namespace);
    const sizes = () => ({
      pipelines: kfp.state.pipelines.size,
      versions: kfp.state.versions.size,
      experiments: kfp.state.experiments.size,
    });
    // No "Default" experiment yet: the push has to make one, and must take it away again.
    for (const [id, experiment] of kfp.state.experiments) {
      if (experiment.display_name === 'Default') kfp.state.experiments.delete(id);
    }
    const before = sizes();
    const push = promote({
      kfp: failing,
      target,
      pipelineName: 'fresh',
      pkg: { pipelineSpec: greetSpec() },
      schedule: { intervalSecond: 60 },
    });
    await expect(push).rejects.toThrow('scheduler down');
    expect(sizes()).toEqual(before); // the "Default" experiment it made is gone too
  });

  it('refuses bad cron and locally built images before writing anything', async () => {
    const target = await store.get('prod');
    const before = kfp.state.pipelines.size;
    await expect(
      promote({
        kfp: await client(),
        target,
        pipelineName: 'x',
        pkg: { pipelineSpec: greetSpec() },
        schedule: { cron: '0 * * * *' },
      }),
    ).rejects.toThrow(/schedule\.cron: .*6/);
    const local = promote({
      kfp: await client(),
      target,
      pipelineName: 'x',
      pkg: { pipelineSpec: greetSpec('local/python-ml:bookworm') },
    });
    await expect(local).rejects.toThrow(
      /local\/python-ml:bookworm.*docker push.*--allow-local-images/s,
    );
    expect(kfp.state.pipelines.size).toBe(before);
  });
});
