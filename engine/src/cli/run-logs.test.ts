import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskRecord } from '../pipelines/scheduler/run-model.js';
import type { CliContext } from './cli-context.js';
import { EngineClient, type Fetch } from './engine-client.js';
import { KfpClient } from './kfp-client.js';
import type { KfpRun } from './kfp-types.js';
import { lastLogLines, LogTail, runLogDir } from './run-log-files.js';
import { printRunLogs } from './run-logs.js';
import type { RunWatchDeps } from './run-watch.js';

let home: string;
let dir: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'skiff-run-logs-'));
  dir = runLogDir(home, 'r1');
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const run: KfpRun = {
  run_id: 'r1',
  state: 'SUCCEEDED',
  run_details: {
    task_details: [
      {
        task_id: 'a',
        display_name: 'first',
        state: 'SUCCEEDED',
        start_time: '2025-01-01T00:00:01Z',
      },
      {
        task_id: 'b',
        display_name: 'second',
        state: 'SUCCEEDED',
        start_time: '2025-01-01T00:00:02Z',
      },
    ],
  },
};

function fakeEngine(initial: KfpRun): {
  deps: RunWatchDeps;
  emit: (type: string, data: unknown) => void;
} {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const fetchImpl: Fetch = (input) => {
    const url = input instanceof Request ? input.url : input.toString();
    return Promise.resolve(
      url.endsWith('/api/v1/events') ? new Response(body) : Response.json(initial),
    );
  };
  return {
    deps: {
      engine: new EngineClient('http://127.0.0.1:1', 't', fetchImpl),
      kfp: new KfpClient({ baseUrl: 'http://127.0.0.1:1', fetch: fetchImpl }),
      home,
    },
    emit: (type, data) =>
      controller?.enqueue(encoder.encode(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`)),
  };
}

function context(): CliContext & { out: () => string; interrupt: () => void } {
  let out = '';
  let handler: ((signal: NodeJS.Signals) => void) | undefined;
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: () => undefined },
    env: {},
    onInterrupt: (h) => {
      handler = h;
      return () => (handler = undefined);
    },
    out: () => out,
    interrupt: () => handler?.('SIGINT'),
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

describe('LogTail', () => {
  it('returns each complete line once, holding back a half-written one', async () => {
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'a.log');
    const tail = new LogTail(dir);
    expect(await tail.read('a')).toEqual([]);
    await writeFile(file, 'one\ntw');
    expect(await tail.read('a')).toEqual(['one']);
    await appendFile(file, 'o\nthree\n');
    expect(await tail.read('a')).toEqual(['two', 'three']);
    expect(await tail.read('a')).toEqual([]);
  });

  it('reads the last lines of a large log from its end', async () => {
    await mkdir(dir, { recursive: true });
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i}`);
    await writeFile(path.join(dir, 'a.log'), `${lines.join('\n')}\n`);
    expect(await lastLogLines(dir, 'a', 3)).toEqual(['line 19997', 'line 19998', 'line 19999']);
    expect(await lastLogLines(dir, 'missing', 3)).toEqual([]);
  });
});

describe('printRunLogs', () => {
  beforeEach(async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'a.log'), 'hello\n');
    await writeFile(path.join(dir, 'b.log'), 'world\nagain\n');
  });

  it('prints every task’s log in start order, each line labelled', async () => {
    const ctx = context();
    expect(await printRunLogs(fakeEngine(run).deps, 'r1', ctx)).toBe(0);
    expect(ctx.out()).toBe('[first] hello\n[second] world\n[second] again\n');
  });

  it('prints one task’s lines as they are, found by name or id', async () => {
    for (const task of ['second', 'b']) {
      const ctx = context();
      await printRunLogs(fakeEngine(run).deps, 'r1', ctx, { task });
      expect(ctx.out()).toBe('world\nagain\n');
    }
  });

  it('names the tasks there are when TASK matches none', async () => {
    await expect(
      printRunLogs(fakeEngine(run).deps, 'r1', context(), { task: 'third' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Run r1 has no task "third"; its tasks: first, second.',
    });
  });

  it('says where logs are missing when the engine’s home is not this one', async () => {
    await rm(dir, { recursive: true });
    await expect(printRunLogs(fakeEngine(run).deps, 'r1', context())).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
  });

  it('follows new lines (read from the file, once each) until the run ends', async () => {
    const engine = fakeEngine({ ...run, state: 'RUNNING' });
    const ctx = context();
    const done = printRunLogs(engine.deps, 'r1', ctx, { task: 'first', follow: true });
    await tick();
    await appendFile(path.join(dir, 'a.log'), 'more\n');
    engine.emit('task.log', { runId: 'r1', taskId: 'a', line: 'more', stream: 'stdout' });
    engine.emit('task.log', { runId: 'r1', taskId: 'a', line: 'more', stream: 'stdout' });
    engine.emit('task.log', { runId: 'r1', taskId: 'b', line: 'not this task', stream: 'stdout' });
    await appendFile(path.join(dir, 'a.log'), 'last\n');
    engine.emit('run.updated', { runId: 'r1', state: 'SUCCEEDED' });
    expect(await done).toBe(0);
    expect(ctx.out()).toBe('hello\nmore\nlast\n');
  });

  it('picks up a task that starts while following, and detaches on Ctrl-C', async () => {
    const engine = fakeEngine({ run_id: 'r1', state: 'RUNNING' });
    const ctx = context();
    const done = printRunLogs(engine.deps, 'r1', ctx, { task: 'later', follow: true });
    await tick();
    const later: TaskRecord = {
      taskId: 'c',
      runId: 'r1',
      name: 'later',
      displayName: 'later',
      kind: 'container',
      state: 'RUNNING',
      cached: false,
      attempts: 1,
      inputs: { parameters: {}, artifacts: {} },
      outputs: { parameters: {}, artifacts: {} },
      createdAt: '2025-01-01T00:00:00Z',
    };
    engine.emit('task.updated', later);
    await writeFile(path.join(dir, 'c.log'), 'started\n');
    engine.emit('task.log', { runId: 'r1', taskId: 'c', line: 'started', stream: 'stdout' });
    await tick();
    ctx.interrupt();
    expect(await done).toBe(130);
    expect(ctx.out()).toBe('started\n');
  });
});
