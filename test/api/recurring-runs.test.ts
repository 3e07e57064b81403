/**
 * Recurring runs through the KFP API on a real engine (process executor): they trigger
 * on schedule within max_concurrency, stop when disabled, refuse a bad cron naming the
 * field, and catch up after the engine was down. Answers are checked against KFP's swagger.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchEngine } from '../../engine/src/launch.js';
import { compile, containerComponent, pipeline } from '../../engine/src/pipelines/dsl/index.js';
import { tempHome } from '../support/engine-process.js';
import { loadSwaggerValidator, type SwaggerValidator } from '../support/swagger-validator.js';

const SWAGGER = fileURLToPath(
  new URL('../../../shared/corpus/kfp-api/kfp_api_single_file.swagger.json', import.meta.url),
);

const noop = containerComponent({
  name: 'noop',
  image: 'busybox',
  command: () => ['sh', '-c', 'true'],
});
const quick = compile(pipeline({ name: 'quick' }, () => void noop({})));

interface RecurringRun {
  recurring_run_id: string;
  status: string;
  max_concurrency: string;
  trigger: unknown;
}
interface Run {
  display_name: string;
  recurring_run_id?: string;
  scheduled_at?: string;
  state: string;
  experiment_id?: string;
}

/** Any answer of these routes: fields are present or not depending on the route. */
type Body = Partial<RecurringRun> & {
  message?: string;
  total_size?: number;
  recurringRuns?: RecurringRun[];
  runs?: Run[];
};

let swagger: SwaggerValidator | undefined;

/** A started engine on `home` and a client that checks every answer against the swagger. */
async function start(home: string) {
  const engine = await launchEngine({ home, port: 0 });
  await engine.engine.updateSettings({ pipelines: { executor: 'process' } });
  const token = readFileSync(join(home, 'token'), 'utf8').trim();
  const api = async (
    method: string,
    path: string,
    json?: unknown,
  ): Promise<{ status: number; body: Body }> => {
    const res = await fetch(`${engine.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    const body = (await res.json()) as Body;
    // Only recurring runs here: run answers carry other Skiff extensions.
    if (path.startsWith('/apis/v2beta1/recurringruns')) {
      swagger?.assertResponse(method, path.split('?')[0] ?? path, res.status, body);
    }
    return { status: res.status, body };
  };
  const runsOf = async (id: string): Promise<Run[]> => {
    const filter = JSON.stringify({
      predicates: [{ key: 'recurring_run_id', operation: 'EQUALS', string_value: id }],
    });
    const { body } = await api(
      'GET',
      `/apis/v2beta1/runs?page_size=200&sort_by=created_at&filter=${encodeURIComponent(filter)}`,
    );
    return body.runs ?? [];
  };
  return { engine, api, runsOf };
}

const create = (extra: Record<string, unknown>) => ({
  display_name: 'every-2s',
  pipeline_spec: quick,
  max_concurrency: 1,
  trigger: { periodic_schedule: { interval_second: 2 } },
  ...extra,
});

beforeAll(() => {
  if (existsSync(SWAGGER)) {
    swagger = loadSwaggerValidator(SWAGGER, {
      strict: true,
      extensions: {
        googleRpcStatus: ['error_message'],
        v2beta1RecurringRun: ['last_triggered_at'],
        v2beta1PipelineTaskDetail: ['input_parameters', 'output_parameters', 'cached'],
      },
    });
  }
});

describe('recurring runs on a running engine', () => {
  let client: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    client = await start(tempHome('skiff-recurring-'));
  });
  afterAll(async () => {
    await client.engine.stop();
  });

  it('every 2 s with max concurrency 1 triggers runs; disabling it stops them', async () => {
    const { api, runsOf } = client;
    const created = await api('POST', '/apis/v2beta1/recurringruns', create({}));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'ENABLED', max_concurrency: '1' });
    const id = created.body.recurring_run_id ?? '';

    await expect
      .poll(async () => (await runsOf(id)).length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2);
    const runs = await runsOf(id);
    for (const run of runs) {
      expect(run.display_name).toMatch(/^every-2s-\d{14}$/);
      expect(run.recurring_run_id).toBe(id);
      expect(run.experiment_id).toBeTruthy();
    }
    // One at a time: each run was scheduled after the previous one's time.
    const times = runs.map((run) => Date.parse(run.scheduled_at ?? ''));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    expect((await api('POST', `/apis/v2beta1/recurringruns/${id}:disable`)).status).toBe(200);
    expect((await api('GET', `/apis/v2beta1/recurringruns/${id}`)).body.status).toBe('DISABLED');
    const count = (await runsOf(id)).length;
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect((await runsOf(id)).length).toBe(count);
  });

  it('refuses an invalid cron, naming the field, and stores nothing', async () => {
    const { api } = client;
    const before = await api('GET', '/apis/v2beta1/recurringruns');
    const res = await api(
      'POST',
      '/apis/v2beta1/recurringruns',
      create({ trigger: { cron_schedule: { cron: '0 0 25 * * *' } } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(
      'trigger.cron_schedule.cron: field 3 (hour) "25" is outside 0-23',
    );
    const after = await api('GET', '/apis/v2beta1/recurringruns');
    expect(after.body.total_size).toBe(before.body.total_size);
  });

  it('lists, gets, enables and deletes, keeping KFP JSON names', async () => {
    const { api } = client;
    const { body } = await api(
      'POST',
      '/apis/v2beta1/recurringruns',
      create({
        display_name: 'weekday mornings',
        mode: 'DISABLE',
        trigger: { cron_schedule: { cron: '0 0 9 ? * MON-FRI' } },
      }),
    );
    expect(body).toMatchObject({
      status: 'DISABLED',
      trigger: { cron_schedule: { cron: '0 0 9 ? * MON-FRI' } },
    });
    const id = body.recurring_run_id ?? '';
    const list = await api('GET', '/apis/v2beta1/recurringruns?page_size=50');
    expect((list.body.recurringRuns ?? []).map((r) => r.recurring_run_id)).toContain(id);
    expect((await api('POST', `/apis/v2beta1/recurringruns/${id}:enable`)).status).toBe(200);
    expect((await api('GET', `/apis/v2beta1/recurringruns/${id}`)).body.status).toBe('ENABLED');
    expect((await api('DELETE', `/apis/v2beta1/recurringruns/${id}`)).status).toBe(200);
    expect((await api('GET', `/apis/v2beta1/recurringruns/${id}`)).status).toBe(404);
  });
});

describe('recurring runs across an engine restart', () => {
  it('catches up the times missed while the engine was down', async () => {
    const home = tempHome('skiff-recurring-restart-');
    const first = await start(home);
    const { body } = await first.api(
      'POST',
      '/apis/v2beta1/recurringruns',
      create({ display_name: 'catchup', max_concurrency: 10 }),
    );
    const id = body.recurring_run_id ?? '';
    await expect
      .poll(async () => (await first.runsOf(id)).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(1);
    await first.engine.stop();
    const stoppedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5000));

    const second = await start(home);
    try {
      await expect
        .poll(
          async () =>
            (await second.runsOf(id)).filter((run) => {
              const time = Date.parse(run.scheduled_at ?? '');
              return time > stoppedAt && time < stoppedAt + 5000;
            }).length,
          { timeout: 10_000 },
        )
        .toBeGreaterThanOrEqual(2);
    } finally {
      await second.engine.stop();
    }
  });
});
