import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskRecord } from '../pipelines/scheduler/run-model.js';
import type { CliContext } from './cli-context.js';
import { EngineClient, type Fetch } from './engine-client.js';
import { KfpClient } from './kfp-client.js';
import type { KfpRun } from './kfp-types.js';
import { runLogDir } from './run-log-files.js';
import { formatRunFailure, watchRun, type RunWatchDeps } from './run-watch.js';
import { RunWatchState } from './run-watch-state.js';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'skiff-run-watch-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

function record(overrides: Partial<TaskRecord> & { taskId: string }): TaskRecord {
  return {
    runId: 'r1',
    name: overrides.taskId,
    displayName: overrides.taskId,
    kind: 'container',
    state: 'PENDING',
    cached: false,
    attempts: 0,
    inputs: { parameters: {}, artifacts: {} },
    outputs: { parameters: {}, artifacts: {} },
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An engine whose event stream the test writes to and whose GET run answers `run`. */
function fakeEngine(initial: KfpRun): {
  deps: RunWatchDeps;
  setRun: (run: KfpRun) => void;
  emit: (type: string, data: unknown) => void;
  end: () => void;
} {
  const encoder = new TextEncoder();
  let run = initial;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(encoder.encode(': connected\n\n'));
    },
  });
  const fetchImpl: Fetch = (input) => {
    const url = input instanceof Request ? input.url : input.toString();
    if (url.endsWith('/api/v1/events')) return Promise.resolve(new Response(body));
    return Promise.resolve(Response.json(run));
  };
  return {
    deps: {
      engine: new EngineClient('http://127.0.0.1:1', 't', fetchImpl),
      kfp: new KfpClient({ baseUrl: 'http://127.0.0.1:1', fetch: fetchImpl }),
      home,
    },
    setRun: (next) => (run = next),
    emit: (type, data) =>
      controller?.enqueue(encoder.encode(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`)),
    end: () => controller?.close(),
  };
}

function context(
  tty = false,
): CliContext & { out: () => string; err: () => string; interrupt: () => void } {
  let out = '';
  let err = '';
  let handler: ((signal: NodeJS.Signals) => void) | undefined;
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text), isTTY: tty, columns: 80 },
    env: {},
    onInterrupt: (h) => {
      handler = h;
      return () => (handler = undefined);
    },
    out: () => out,
    err: () => err,
    interrupt: () => handler?.('SIGINT'),
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));
const base: KfpRun = {
  run_id: 'r1',
  display_name: 'hello',
  state: 'PENDING',
  created_at: '2025-01-01T00:00:00Z',
};

describe('watchRun', () => {
  it('prints one line per change without a terminal and exits 0 when the run succeeds', async () => {
    const engine = fakeEngine(base);
    const ctx = context();
    const done = watchRun(engine.deps, 'r1', ctx);
    await tick();
    engine.emit('run.updated', { runId: 'r1', state: 'RUNNING' });
    engine.emit('task.updated', record({ taskId: 'root', kind: 'dag', state: 'RUNNING' }));
    engine.emit(
      'task.updated',
      record({
        taskId: 'a',
        displayName: 'say-hello',
        parentTaskId: 'root',
        state: 'RUNNING',
        startedAt: '2025-01-01T00:00:00Z',
      }),
    );
    engine.emit(
      'task.updated',
      record({ taskId: 'x', runId: 'other', displayName: 'not-mine', state: 'RUNNING' }),
    );
    engine.emit(
      'task.updated',
      record({
        taskId: 'a',
        displayName: 'say-hello',
        parentTaskId: 'root',
        state: 'SUCCEEDED',
        cached: true,
        startedAt: '2025-01-01T00:00:00Z',
        finishedAt: '2025-01-01T00:00:01.5Z',
      }),
    );
    engine.setRun({ ...base, state: 'SUCCEEDED', finished_at: '2025-01-01T00:00:02Z' });
    engine.emit('run.updated', { runId: 'r1', state: 'SUCCEEDED' });
    expect(await done).toBe(0);
    expect(ctx.err()).toBe(
      [
        'Run "hello" (r1)',
        'Run PENDING',
        'Run RUNNING',
        '  say-hello: RUNNING',
        '  say-hello: SUCCEEDED (1.5s, cached)',
        'Run SUCCEEDED',
        '✔ Run "hello" succeeded in 2.0s.',
        '',
      ].join('\n'),
    );
    expect(ctx.out()).toBe('');
  });

  it('redraws the table in place on a terminal', async () => {
    const engine = fakeEngine({ ...base, state: 'RUNNING' });
    const ctx = context(true);
    const done = watchRun(engine.deps, 'r1', ctx);
    await tick();
    engine.emit(
      'task.updated',
      record({ taskId: 'a', displayName: 'say-hello', state: 'RUNNING' }),
    );
    engine.setRun({ ...base, state: 'SUCCEEDED' });
    engine.emit('run.updated', { runId: 'r1', state: 'SUCCEEDED' });
    expect(await done).toBe(0);
    expect(ctx.err()).toContain('\x1b[2A\r\x1b[0J'); // up over "Run RUNNING" + "No tasks yet."
    expect(ctx.err()).toMatch(/TASK +STATE +DURATION +CACHED\nsay-hello +RUNNING/);
  });

  it('exits 1 when the run fails, with the failed task’s error and last log lines', async () => {
    const engine = fakeEngine({ ...base, state: 'RUNNING' });
    const dir = runLogDir(home, 'r1');
    await mkdir(dir, { recursive: true });
    const lines = Array.from({ length: 15 }, (_, i) => `line ${i + 1}`);
    await writeFile(path.join(dir, 'b.log'), `${lines.join('\n')}\n`);
    const ctx = context();
    const done = watchRun(engine.deps, 'r1', ctx, { json: true });
    await tick();
    engine.emit(
      'task.updated',
      record({
        taskId: 'b',
        displayName: 'train',
        state: 'FAILED',
        error: { code: 'INTERNAL', message: 'exit code 3' },
      }),
    );
    engine.setRun({ ...base, state: 'FAILED', error: { code: 13, message: 'Task train failed.' } });
    engine.emit('run.updated', {
      runId: 'r1',
      state: 'FAILED',
      error: { code: 'INTERNAL', message: 'Task train failed.' },
    });
    expect(await done).toBe(1);
    expect(ctx.err()).toContain(
      '✘ Run "hello" failed: Task train failed.\n  Task "train" failed: exit code 3\n    Last lines:\n      line 6\n',
    );
    expect(ctx.err()).toContain('      line 15\n  All logs: skiff run logs r1\n');
    expect(JSON.parse(ctx.out())).toMatchObject({ run_id: 'r1', state: 'FAILED' });
  });

  it('exits 130 when the run is canceled', async () => {
    const engine = fakeEngine({ ...base, state: 'RUNNING' });
    const ctx = context();
    const done = watchRun(engine.deps, 'r1', ctx);
    await tick();
    engine.setRun({ ...base, state: 'CANCELED' });
    engine.emit('run.updated', { runId: 'r1', state: 'CANCELED' });
    expect(await done).toBe(130);
    expect(ctx.err()).toContain('✘ Run "hello" was canceled.');
  });

  it('detaches on Ctrl-C with 130 and leaves the run alone', async () => {
    const engine = fakeEngine({ ...base, state: 'RUNNING' });
    const ctx = context();
    const done = watchRun(engine.deps, 'r1', ctx);
    await tick();
    ctx.interrupt();
    expect(await done).toBe(130);
    expect(ctx.err()).toContain(
      'Detached; the run keeps going. Follow it again with `skiff run watch r1`',
    );
  });

  it('reports a run that had already ended without waiting for events', async () => {
    const engine = fakeEngine({ ...base, state: 'SUCCEEDED' });
    const ctx = context();
    expect(await watchRun(engine.deps, 'r1', ctx)).toBe(0);
  });

  it('fails with UNAVAILABLE when the stream ends before the run does', async () => {
    const engine = fakeEngine({ ...base, state: 'RUNNING' });
    const ctx = context();
    const done = watchRun(engine.deps, 'r1', ctx);
    await tick();
    engine.end();
    await expect(done).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('says the run’s error once when it is the failed task’s own', async () => {
    const state = new RunWatchState('r1');
    const message = 'Task "train" failed: the container exited with code 4.';
    state.applyEvent({
      type: 'task.updated',
      data: record({
        taskId: 'b',
        displayName: 'train',
        state: 'FAILED',
        error: { code: 'INTERNAL', message },
      }),
    });
    const text = await formatRunFailure(
      { ...base, state: 'FAILED', error: { message } },
      state,
      home,
    );
    expect(text).toBe(
      `✘ Run "hello" failed: ${message}\n  Task "train":\n  All logs: skiff run logs r1\n`,
    );
  });
});
