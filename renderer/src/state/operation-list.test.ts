import { describe, expect, it } from 'vitest';
import type { Operation } from '@skiff/engine/api-contract';
import {
  progressFraction,
  recentlyFinished,
  runningOperations,
  upsertOperation,
} from './operation-list';

function op(id: string, overrides: Partial<Operation> = {}): Operation {
  return {
    id,
    kind: 'cluster.create',
    title: `Operation ${id}`,
    state: 'RUNNING',
    progress: { current: 1, total: 4, message: 'Working' },
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('upsertOperation', () => {
  it('adds an operation it has not seen', () => {
    expect(upsertOperation([op('a')], op('b')).map((o) => o.id)).toEqual(['a', 'b']);
  });

  it('replaces an operation with a newer update in place', () => {
    const later = op('a', { updatedAt: '2025-01-01T10:00:05.000Z', state: 'SUCCEEDED' });
    expect(upsertOperation([op('a'), op('b')], later)).toEqual([later, op('b')]);
  });

  it('keeps the stored operation when the update is older', () => {
    const stored = op('a', { updatedAt: '2025-01-01T10:00:05.000Z' });
    const stale = op('a', { updatedAt: '2025-01-01T10:00:01.000Z', title: 'stale' });
    expect(upsertOperation([stored], stale)).toEqual([stored]);
  });
});

describe('runningOperations and recentlyFinished', () => {
  const list = [
    op('late', { createdAt: '2025-01-01T10:05:00.000Z' }),
    op('early', { createdAt: '2025-01-01T09:00:00.000Z' }),
    op('done1', { state: 'SUCCEEDED', finishedAt: '2025-01-01T10:01:00.000Z' }),
    op('done2', { state: 'FAILED', finishedAt: '2025-01-01T10:02:00.000Z' }),
    op('done3', { state: 'CANCELLED', updatedAt: '2025-01-01T09:30:00.000Z' }),
  ];

  it('lists running operations oldest first', () => {
    expect(runningOperations(list).map((o) => o.id)).toEqual(['early', 'late']);
  });

  it('lists finished operations newest first, up to the limit', () => {
    expect(recentlyFinished(list).map((o) => o.id)).toEqual(['done2', 'done1', 'done3']);
    expect(recentlyFinished(list, 1).map((o) => o.id)).toEqual(['done2']);
  });
});

describe('progressFraction', () => {
  it('divides current by total, clamped to [0, 1]', () => {
    expect(progressFraction(op('a'))).toBe(0.25);
    expect(progressFraction(op('a', { progress: { current: 9, total: 4, message: '' } }))).toBe(1);
  });

  it('is null while the total is unknown', () => {
    expect(
      progressFraction(op('a', { progress: { current: 0, total: 0, message: '' } })),
    ).toBeNull();
  });
});
