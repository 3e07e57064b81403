import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchEngine, type LaunchedEngine } from '../../engine/src/launch.js';
import {
  compile,
  containerComponent,
  param,
  pipeline,
} from '../../engine/src/pipelines/dsl/index.js';
import type {
  ContainerSpec,
  PipelineSpec,
  PipelineTaskSpec,
} from '../../engine/src/pipelines/ir/pipeline-spec.js';
import { tempHome } from '../support/engine-process.js';
import { hasDocker } from '../support/requirements.js';

const say = containerComponent({
  name: 'say',
  image: 'busybox',
  inputs: { text: param.string() },
  command: ({ inputs }) => ['sh', '-c', `echo "${inputs.text}"`],
});
const wait = containerComponent({
  name: 'wait',
  image: 'busybox',
  command: () => ['sh', '-c', 'sleep 60'],
});

const greet = pipeline(
  { name: 'greet', inputs: { text: param.string(), times: param.int({ default: 1 }) } },
  ({ inputs }) => {
    say({ text: inputs.text });
  },
);
const waiting = pipeline({ name: 'waiting' }, () => {
  wait({});
});

let engine: LaunchedEngine;
let headers: Record<string, string>;

beforeAll(async () => {
  const home = tempHome('skiff-runs-');
  engine = await launchEngine({ home, port: 0 });
  headers = {
    authorization: `Bearer ${readFileSync(join(home, 'token'), 'utf8').trim()}`,
    'content-type': 'application/json',
  };
  await engine.engine.updateSettings({ pipelines: { executor: 'process' } });
});

afterAll(async () => {
  await engine.stop();
});

async function createRun(
  spec: unknown,
  parameters: Record<string, unknown> = {},
): Promise<Response> {
  return fetch(`${engine.url}/apis/v2beta1/runs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      display_name: 'test',
      pipeline_spec: spec,
      runtime_config: { parameters },
    }),
  });
}

async function runCount(): Promise<number> {
  const list = (await (
    await fetch(`${engine.url}/apis/v2beta1/runs?page_size=200`, { headers })
  ).json()) as { total_size?: number };
  return list.total_size ?? 0;
}

async function finish(
  response: Response,
): Promise<{ state: string; error?: { message: string }; run_id: string }> {
  const { run_id: runId } = (await response.json()) as { run_id: string };
  await engine.engine.pipelines.launcher.settled(runId);
  return (await (await fetch(`${engine.url}/apis/v2beta1/runs/${runId}`, { headers })).json()) as {
    state: string;
    error?: { message: string };
    run_id: string;
  };
}

function taskOf(spec: PipelineSpec, name: string): PipelineTaskSpec {
  const task = spec.root.dag?.tasks[name];
  if (!task) throw new Error(`no task ${name}`);
  return task;
}

function containerOf(spec: PipelineSpec, executor: string): ContainerSpec {
  const container = spec.deploymentSpec?.executors?.[executor]?.container;
  if (!container) throw new Error(`no container executor ${executor}`);
  return container;
}

const mutated = (change: (spec: PipelineSpec) => void): PipelineSpec => {
  const spec = structuredClone(compile(greet));
  change(spec);
  return spec;
};

describe('bad pipelines and parameters are refused with the field at fault, and nothing is stored', () => {
  it.each([
    [
      'a cycle',
      mutated((s) => {
        const say = taskOf(s, 'say');
        (s.root.dag?.tasks ?? {}).again = { ...structuredClone(say), dependentTasks: ['say'] };
        say.dependentTasks = ['again'];
      }),
      /cycle/,
    ],
    [
      'a missing component',
      mutated((s) => {
        taskOf(s, 'say').componentRef.name = 'comp-nowhere';
      }),
      /comp-nowhere/,
    ],
    [
      'an unknown placeholder',
      mutated((s) => {
        containerOf(s, 'exec-say').command = ['sh', '-c', "echo {{$.inputs.parameters['nope']}}"];
      }),
      /nope/,
    ],
  ])('%s', async (_name, spec, message) => {
    const before = await runCount();
    const res = await createRun(spec, { text: 'hi' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(message);
    expect(await runCount()).toBe(before);
  });

  it('a missing required parameter', async () => {
    const res = await createRun(compile(greet));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /runtime_config\.parameters\.text/,
    );
  });

  it('a wrongly typed parameter', async () => {
    const res = await createRun(compile(greet), { text: 'hi', times: 'many' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /runtime_config\.parameters\.times/,
    );
  });
});

describe('running pipelines', () => {
  it('stores task logs and serves them', async () => {
    const run = await finish(await createRun(compile(greet), { text: 'hello from skiff' }));
    expect(run.state).toBe('SUCCEEDED');
    const task = engine.engine.pipelines.tasks
      .listByRun(run.run_id)
      .find((t) => t.displayName === 'say');
    const logs = (await (
      await fetch(`${engine.url}/api/v1/runs/${run.run_id}/tasks/${task?.taskId ?? ''}/logs`, {
        headers,
      })
    ).json()) as {
      lines: string[];
    };
    expect(logs.lines).toContain('hello from skiff');
    expect(
      (
        await fetch(`${engine.url}/api/v1/runs/${run.run_id}/tasks/..%2F..%2Ftoken/logs`, {
          headers,
        })
      ).status,
    ).toBe(404);
  });

  it.each(['process', 'docker'] as const)(
    'terminates a %s run within seconds',
    async (executor) => {
      if (executor === 'docker' && !hasDocker()) return;
      await engine.engine.updateSettings({ pipelines: { executor } });
      const { run_id: runId } = (await (await createRun(compile(waiting))).json()) as {
        run_id: string;
      };
      await expect
        .poll(
          () =>
            engine.engine.pipelines.tasks.listByRun(runId).find((t) => t.displayName === 'wait')
              ?.state,
          { timeout: 10_000 },
        )
        .toBe('RUNNING');
      const started = Date.now();
      expect(
        (
          await fetch(`${engine.url}/apis/v2beta1/runs/${runId}:terminate`, {
            method: 'POST',
            headers,
          })
        ).status,
      ).toBe(200);
      await engine.engine.pipelines.launcher.settled(runId);
      expect(Date.now() - started).toBeLessThan(5000);
      const run = (await (
        await fetch(`${engine.url}/apis/v2beta1/runs/${runId}`, { headers })
      ).json()) as { state: string };
      expect(run.state).toBe('CANCELED');
      await engine.engine.updateSettings({ pipelines: { executor: 'process' } });
    },
  );

  it('fails a run whose image is missing offline, naming the image and the fix', async () => {
    if (!hasDocker()) return;
    await engine.engine.updateSettings({ pipelines: { executor: 'docker' } });
    const spec = mutated((s) => {
      containerOf(s, 'exec-say').image = 'example.org/not-here:1.0';
    });
    const run = await finish(await createRun(spec, { text: 'hi' }));
    expect(run.state).toBe('FAILED');
    expect(run.error?.message).toMatch(/example\.org\/not-here:1\.0.*npm run images/s);
    await engine.engine.updateSettings({ pipelines: { executor: 'process' } });
  });
});
