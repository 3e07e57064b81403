import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuitSequence } from './quit-sequence.js';
import { fakeEvent } from './testing/fake-electron.js';

describe('createQuitSequence', () => {
  let exits: number[];
  let problems: unknown[];

  beforeEach(() => {
    vi.useFakeTimers();
    exits = [];
    problems = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function sequence(stop: () => Promise<void>) {
    return createQuitSequence({
      stop,
      exit: (code) => exits.push(code),
      onStopProblem: (problem) => problems.push(problem),
    });
  }

  it('holds the quit, stops the engine, then exits with code 0', async () => {
    let finishStop: () => void = () => undefined;
    const stop = vi.fn(() => new Promise<void>((resolve) => (finishStop = resolve)));
    const quit = sequence(stop);
    const event = fakeEvent();

    quit.handleBeforeQuit(event);
    await vi.advanceTimersByTimeAsync(0);

    expect(event.defaultPrevented).toBe(true);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([]);

    finishStop();
    await vi.advanceTimersByTimeAsync(0);
    expect(exits).toEqual([0]);
    expect(problems).toEqual([]);
  });

  it('stops the engine exactly once however often quitting is asked for', async () => {
    const stop = vi.fn(() => Promise.resolve());
    const quit = sequence(stop);
    const events = [fakeEvent(), fakeEvent(), fakeEvent()];

    for (const event of events) quit.handleBeforeQuit(event);
    await quit.quit(0);

    expect(stop).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([0]);
    expect(events.every((event) => event.defaultPrevented)).toBe(true);
  });

  it('exits anyway 10 s after a stop that hangs', async () => {
    const quit = sequence(() => new Promise<void>(() => undefined));

    quit.handleBeforeQuit(fakeEvent());
    await vi.advanceTimersByTimeAsync(9_999);
    expect(exits).toEqual([]);

    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([0]);
    expect(String(problems[0])).toMatch(/did not stop within 10 s/);
  });

  it('exits when the stop fails, and reports why', async () => {
    const failure = new Error('store is locked');
    const quit = sequence(() => Promise.reject(failure));

    await quit.quit(0);

    expect(exits).toEqual([0]);
    expect(problems).toEqual([failure]);
  });

  it('exits when the stop throws before returning a promise', async () => {
    const quit = sequence(() => {
      throw new Error('boom');
    });

    await quit.quit(0);

    expect(exits).toEqual([0]);
    expect(problems).toHaveLength(1);
  });

  it('keeps the exit code of the first request', async () => {
    const quit = sequence(() => Promise.resolve());

    const failed = quit.quit(1);
    quit.handleBeforeQuit(fakeEvent());
    await failed;

    expect(exits).toEqual([1]);
  });
});
