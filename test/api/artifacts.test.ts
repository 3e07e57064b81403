import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ArtifactDetail,
  ArtifactDirectoryListing,
  ArtifactView,
  TaskView,
} from '../../engine/src/api/contract.js';
import { launchEngine, type LaunchedEngine } from '../../engine/src/launch.js';
import {
  artifact,
  compile,
  containerComponent,
  pipeline,
} from '../../engine/src/pipelines/dsl/index.js';
import { tempHome } from '../support/engine-process.js';

/** Writes an HTML report (with a script), a folder dataset (with a link out of it) and Metrics. */
const MAKE = `set -e
mkdir -p "$(dirname "$1")" "$2/parts" "$(dirname "$3")"
printf '<h1>Report</h1><script>document.title = "ran"</script>' > "$1"
printf 'a,b\\n1,2\\n3,4\\n' > "$2/train.csv"
printf 'zero' > "$2/parts/p0.txt"
ln -s /etc/passwd "$2/leak"
printf '{"artifacts":{"metrics":{"artifacts":[{"metadata":{"accuracy":0.9}}]}}}' > "$3"`;

const make = containerComponent({
  name: 'make',
  image: 'busybox',
  outputs: { report: artifact.html(), data: artifact.dataset(), metrics: artifact.metrics() },
  command: () => ['sh', '-c', MAKE, 'make'],
  args: ({ outputs, executorOutputFile }) => [
    outputs.report.path,
    outputs.data.path,
    executorOutputFile,
  ],
});
const read = containerComponent({
  name: 'read',
  image: 'busybox',
  inputs: { data: artifact.dataset() },
  command: () => ['sh', '-c', 'cat "$1/train.csv"', 'read'],
  args: ({ inputs }) => [inputs.data.path],
});
const spec = compile(
  pipeline({ name: 'artifacts' }, () => {
    const made = make({});
    read({ data: made.outputs.data });
  }),
);

let engine: LaunchedEngine;
let headers: Record<string, string>;

beforeAll(async () => {
  const home = tempHome('skiff-artifacts-');
  engine = await launchEngine({ home, port: 0 });
  headers = { authorization: `Bearer ${readFileSync(join(home, 'token'), 'utf8').trim()}` };
  // Runs below ask for the process executor themselves; Settings say Docker.
  await engine.engine.updateSettings({ pipelines: { executor: 'docker' } });
});

afterAll(async () => {
  await engine.stop();
});

const get = (path: string): Promise<Response> => fetch(`${engine.url}${path}`, { headers });
const json = async <T>(path: string): Promise<T> => (await (await get(path)).json()) as T;

interface RunJson {
  run_id: string;
  state: string;
  labels?: Record<string, string>;
  enable_caching?: boolean;
  executor?: string;
  run_details?: { task_details: { task_id: string; display_name: string }[] };
}

async function runPipeline(extra: Record<string, unknown>): Promise<RunJson> {
  const res = await fetch(`${engine.url}/apis/v2beta1/runs`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ display_name: 'artifacts', pipeline_spec: spec, ...extra }),
  });
  const created = (await res.json()) as RunJson & { message?: string };
  if (res.status !== 200) throw new Error(created.message);
  await engine.engine.pipelines.launcher.settled(created.run_id);
  return json<RunJson>(`/apis/v2beta1/runs/${created.run_id}`);
}

const taskId = (run: RunJson, name: string): string => {
  const task = run.run_details?.task_details.find((t) => t.display_name === name);
  if (!task) throw new Error(`run ${run.run_id} has no task ${name}`);
  return task.task_id;
};

describe('run detail: tasks, artifacts, lineage and content', () => {
  let run: RunJson;
  let outputs: Record<string, ArtifactView>;

  beforeAll(async () => {
    run = await runPipeline({ executor: 'process', labels: { team: 'vision' } });
    expect(run.state).toBe('SUCCEEDED');
    const { task } = await json<{ task: TaskView }>(
      `/api/v1/runs/${run.run_id}/tasks/${taskId(run, 'make')}`,
    );
    outputs = Object.fromEntries(
      Object.entries(task.outputs.artifacts).map(([key, list]) => [key, list[0] as ArtifactView]),
    );
  });

  it('shows a task with its output artifacts, Metrics metadata included', async () => {
    const { task } = await json<{ task: TaskView }>(
      `/api/v1/runs/${run.run_id}/tasks/${taskId(run, 'make')}`,
    );
    expect(task).toMatchObject({ name: 'make', state: 'SUCCEEDED', cached: false, error: null });
    expect(outputs.metrics).toMatchObject({ type: 'system.Metrics', metadata: { accuracy: 0.9 } });
    expect(outputs.data).toMatchObject({
      name: 'data',
      type: 'system.Dataset',
      producer: { runId: run.run_id, taskId: task.taskId, taskName: 'make' },
    });
    const missing = await get(`/api/v1/runs/${run.run_id}/tasks/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toMatch(/has no task "nope"/);
  });

  it('links an artifact to the task that made it and the task that read it', async () => {
    const id = outputs.data?.artifactId ?? '';
    const { artifact: detail } = await json<{ artifact: ArtifactDetail }>(
      `/api/v1/artifacts/${id}`,
    );
    expect(detail.producer?.taskName).toBe('make');
    expect(detail.consumers).toEqual([
      { runId: run.run_id, taskId: taskId(run, 'read'), taskName: 'read' },
    ]);
    const { artifacts } = await json<{ artifacts: ArtifactView[] }>(
      `/api/v1/runs/${run.run_id}/artifacts`,
    );
    expect(artifacts.map((a) => a.type).sort()).toEqual([
      'system.Dataset',
      'system.HTML',
      'system.Metrics',
    ]);
    expect((await get('/api/v1/artifacts/nope')).status).toBe(404);
  });

  it('lists a folder artifact and serves its files, cut short on request', async () => {
    const url = outputs.data?.contentUrl ?? '';
    const listing = await json<ArtifactDirectoryListing>(url);
    expect(listing.entries).toEqual([
      { path: 'parts/p0.txt', sizeBytes: 4 },
      { path: 'train.csv', sizeBytes: 12 },
    ]);
    const csv = await get(`${url}?path=train.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toBe('a,b\n1,2\n3,4\n');
    const head = await get(`${url}?path=train.csv&limit=4`);
    expect(head.headers.get('x-skiff-truncated')).toBe('true');
    expect(await head.text()).toBe('a,b\n');
    const whole = await get(`${url}?path=train.csv&limit=100`);
    expect(whole.headers.get('x-skiff-truncated')).toBeNull();
    const download = await get(`${url}?path=parts/p0.txt&download=1`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="p0.txt"/);
  });

  it('refuses paths that leave the artifact, by .. or by symlink, with 400 naming path', async () => {
    const url = outputs.data?.contentUrl ?? '';
    for (const path of ['../../../../token', '/etc/passwd', 'leak']) {
      const res = await get(`${url}?path=${encodeURIComponent(path)}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toBe('INVALID_ARGUMENT');
      expect(body.message).toMatch(/^path: /);
    }
  });

  it('serves HTML only inside a CSP sandbox, never as the engine origin', async () => {
    const res = await get(outputs.report?.contentUrl ?? '');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox\b/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<h1>Report</h1>');
  });

  it('downloads a task log as a named text file', async () => {
    const id = taskId(run, 'read');
    const res = await get(`/api/v1/runs/${run.run_id}/tasks/${id}/logs?download=1`);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`${run.run_id}-${id}.log`);
    expect(await res.text()).toContain('3,4');
  });
});

describe('create-run extensions: labels, caching, executor', () => {
  it('keeps labels, caching and executor, and filters the runs list by label', async () => {
    const first = await runPipeline({ executor: 'process', labels: { sweep: 'a', team: 'nlp' } });
    expect(first).toMatchObject({
      state: 'SUCCEEDED',
      labels: { sweep: 'a', team: 'nlp' },
      executor: 'process',
    });
    // Caching on is the default, left out as KFP leaves defaults out.
    expect(first.enable_caching).toBeUndefined();
    const executorUsed = engine.engine.deps.store.db
      .prepare('SELECT executor FROM runs WHERE run_id = ?')
      .pluck()
      .get(first.run_id);
    expect(executorUsed).toBe('process');
    const filter = JSON.stringify({
      predicates: [{ key: 'labels.sweep', operation: 'EQUALS', string_value: 'a' }],
    });
    const list = await json<{ runs: RunJson[] }>(
      `/apis/v2beta1/runs?filter=${encodeURIComponent(filter)}`,
    );
    expect(list.runs.map((r) => r.run_id)).toEqual([first.run_id]);
  });

  it('runs every task afresh when caching is off, and from the cache when it is on', async () => {
    const uncached = await runPipeline({ executor: 'process', enable_caching: false });
    expect(uncached.enable_caching).toBe(false);
    const task = async (r: RunJson): Promise<TaskView> =>
      (await json<{ task: TaskView }>(`/api/v1/runs/${r.run_id}/tasks/${taskId(r, 'make')}`)).task;
    expect((await task(uncached)).cached).toBe(false);
    const cached = await runPipeline({ executor: 'process' });
    expect((await task(cached)).cached).toBe(true);
    const { artifacts } = await json<{ artifacts: ArtifactView[] }>(
      `/api/v1/runs/${cached.run_id}/artifacts`,
    );
    expect(artifacts.find((a) => a.type === 'system.Metrics')?.metadata).toEqual({ accuracy: 0.9 });
  });

  it.each([
    [{ labels: { '': 'x' } }, /^labels: /],
    [{ labels: { team: 7 } }, /^labels\.team: /],
    [{ labels: { ['k'.repeat(64)]: 'x' } }, /^labels\.k+: .*63/],
    [{ labels: { team: 'v'.repeat(257) } }, /^labels\.team: .*256/],
    [{ enable_caching: 'no' }, /^enable_caching: /],
    [{ executor: 'kubernetes' }, /^executor: .*auto, docker, process/],
  ])('refuses %j naming the field, and stores nothing', async (extra, message) => {
    const count = async (): Promise<number> =>
      (await json<{ total_size?: number }>('/apis/v2beta1/runs')).total_size ?? 0;
    const before = await count();
    const res = await fetch(`${engine.url}/apis/v2beta1/runs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ display_name: 'bad', pipeline_spec: spec, ...extra }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(message);
    expect(await count()).toBe(before);
  });
});
