import type { DeliveredEvent, Operation, OperationState } from '@skiff/engine';
import { describe, expect, it, vi } from 'vitest';
import { RunningOperations, statusText, trayMenuTemplate } from './tray-status.js';

function updated(id: string, state: OperationState): DeliveredEvent {
  const operation: Operation = {
    id,
    kind: 'run',
    title: `Run ${id}`,
    state,
    progress: { current: 0, total: 1, message: '' },
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  };
  return { type: 'operation.updated', data: operation, time: '2025-01-01T00:00:00Z' };
}

describe('RunningOperations', () => {
  it('counts operations while they run and forgets them when they finish', () => {
    const operations = new RunningOperations();
    operations.apply(updated('a', 'RUNNING'));
    operations.apply(updated('b', 'RUNNING'));
    operations.apply(updated('c', 'RUNNING'));
    expect(operations.count).toBe(3);

    operations.apply(updated('a', 'SUCCEEDED'));
    operations.apply(updated('b', 'FAILED'));
    expect(operations.count).toBe(1);

    operations.apply(updated('c', 'CANCELLED'));
    expect(operations.count).toBe(0);
  });

  it('reports a change only when the count changes', () => {
    const operations = new RunningOperations();
    expect(operations.apply(updated('a', 'RUNNING'))).toBe(true);
    expect(operations.apply(updated('a', 'RUNNING'))).toBe(false);
    expect(
      operations.apply({ type: 'operation.log', data: { id: 'a', line: 'x' }, time: '' }),
    ).toBe(false);
    expect(operations.apply(updated('z', 'SUCCEEDED'))).toBe(false);
    expect(operations.count).toBe(1);
  });
});

describe('statusText', () => {
  it('says how many operations are running', () => {
    expect(statusText(0)).toBe('Skiff is running — no operations');
    expect(statusText(1)).toBe('Skiff is running — 1 operation');
    expect(statusText(4)).toBe('Skiff is running — 4 operations');
  });
});

describe('trayMenuTemplate', () => {
  it('shows the status, then Open Skiff and Quit wired to their actions', () => {
    const actions = { open: vi.fn(), quit: vi.fn() };
    const menu = trayMenuTemplate(2, actions);

    expect(menu[0]).toMatchObject({ label: 'Skiff is running — 2 operations', enabled: false });
    const open = menu.find((item) => item.label === 'Open Skiff');
    const quit = menu.find((item) => item.label === 'Quit');

    open?.click?.();
    expect(actions.open).toHaveBeenCalledTimes(1);
    expect(actions.quit).not.toHaveBeenCalled();
    quit?.click?.();
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });
});
