import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Operation } from '../api/contract.js';
import { openDatabase } from '../store/database.js';
import { createEventLogRepository } from '../store/event-log-repository.js';
import { createOperationRepository } from '../store/operation-repository.js';
import { FakeClock, sequentialIds } from '../testing/fake-ports.js';
import { SkiffError } from './errors.js';
import { EventBus } from './event-bus.js';
import { silentLogger } from './logger.js';
import { Operations } from './operations.js';

function setup(db = openDatabase(':memory:')) {
  const clock = new FakeClock();
  const events = new EventBus(createEventLogRepository(db), clock);
  const store = createOperationRepository(db);
  const operations = new Operations({
    store,
    events,
    clock,
    ids: sequentialIds('op'),
    logger: silentLogger,
    logsDir: mkdtempSync(join(tmpdir(), 'skiff-ops-')),
  });
  return { operations, events, store, db };
}

describe('Operations', () => {
  it('moves through named steps and ends SUCCEEDED with full progress', async () => {
    const { operations, events } = setup();
    const updates: Operation[] = [];
    events.subscribe((e) => e.type === 'operation.updated' && updates.push(e.data));
    const { operation, result } = operations.start(
      { kind: 'demo', title: 'Demo', steps: 2 },
      async (op) => {
        await op.step('First', () => Promise.resolve());
        await op.step('Second', () => Promise.resolve());
        return 42;
      },
    );
    await expect(result).resolves.toBe(42);
    const done = operations.get(operation.id);
    expect(done.state).toBe('SUCCEEDED');
    expect(done.progress).toEqual({ current: 2, total: 2, message: 'Done' });
    expect(updates.map((u) => u.progress.message)).toContain('Second');
  });

  it('records the failed step, last command and last log lines', async () => {
    const { operations } = setup();
    const { operation, result } = operations.start({ kind: 'demo', title: 'Demo' }, async (op) => {
      await op.step('Creating cluster', () => {
        op.command('kind create cluster --name dev');
        op.log('ERROR: failed to create cluster');
        throw new SkiffError('UNAVAILABLE', 'kind failed');
      });
    });
    await expect(result).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const failed = operations.get(operation.id);
    expect(failed.state).toBe('FAILED');
    expect(failed.error).toMatchObject({
      code: 'UNAVAILABLE',
      step: 'Creating cluster',
      lastCommand: 'kind create cluster --name dev',
      lastLines: ['$ kind create cluster --name dev', 'ERROR: failed to create cluster'],
    });
    expect(await operations.logs(operation.id)).toEqual(failed.error?.lastLines);
  });

  it('cancels through the AbortSignal and ends CANCELLED', async () => {
    const { operations } = setup();
    const { operation, result } = operations.start(
      { kind: 'demo', title: 'Waits' },
      (op) =>
        new Promise((_, reject) =>
          op.signal.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    );
    operations.cancel(operation.id);
    await expect(result).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(operations.get(operation.id).state).toBe('CANCELLED');
  });

  it('refuses to cancel an operation that is not running', async () => {
    const { operations } = setup();
    const { operation, result } = operations.start({ kind: 'demo', title: 'Quick' }, () =>
      Promise.resolve(),
    );
    await result;
    expect(() => operations.cancel(operation.id)).toThrow(/SUCCEEDED, not running/);
    expect(() => operations.get('nope')).toThrow(SkiffError);
  });

  it('marks operations left RUNNING by a crash as failed with the reason', () => {
    const db = openDatabase(':memory:');
    const before = setup(db);
    before.store.insert({
      id: 'crashed',
      kind: 'demo',
      title: 'Interrupted',
      state: 'RUNNING',
      progress: { current: 1, total: 3, message: 'Working' },
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    });
    const after = setup(db);
    expect(after.operations.recoverInterrupted()).toBe(1);
    const recovered = after.operations.get('crashed');
    expect(recovered.state).toBe('FAILED');
    expect(recovered.error?.message).toMatch(/engine stopped while this operation was running/);
  });
});
