import { describe, expect, it } from 'vitest';
import { TaskSemaphore } from './task-semaphore.js';

describe('TaskSemaphore', () => {
  it('lets at most `limit` holders in and serves waiters in order', async () => {
    const semaphore = new TaskSemaphore(2);
    const signal = new AbortController().signal;
    const first = await semaphore.acquire(signal);
    await semaphore.acquire(signal);
    const order: string[] = [];
    const third = semaphore.acquire(signal).then((release) => {
      order.push('third');
      return release;
    });
    const fourth = semaphore.acquire(signal).then(() => order.push('fourth'));
    expect(semaphore.active).toBe(2);
    first();
    (await third)();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
    expect(semaphore.active).toBe(2);
  });

  it('takes an aborted waiter out of the queue', async () => {
    const semaphore = new TaskSemaphore(1);
    const release = await semaphore.acquire(new AbortController().signal);
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    release();
    expect(semaphore.active).toBe(0);
  });

  it('ignores a second release of the same slot', async () => {
    const semaphore = new TaskSemaphore(1);
    const release = await semaphore.acquire(new AbortController().signal);
    release();
    release();
    expect(semaphore.active).toBe(0);
  });
});
