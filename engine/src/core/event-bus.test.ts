import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database.js';
import { createEventLogRepository } from '../store/event-log-repository.js';
import { FakeClock } from '../testing/fake-ports.js';
import { EventBus } from './event-bus.js';

function bus(): EventBus {
  return new EventBus(createEventLogRepository(openDatabase(':memory:')), new FakeClock());
}

const settingsEvent = { type: 'settings.changed', data: { schemaVersion: 1 } } as never;

describe('EventBus', () => {
  it('gives durable events increasing ids and replays those after a given id', () => {
    const events = bus();
    const first = events.publish(settingsEvent);
    const second = events.publish(settingsEvent);
    expect(second.id).toBe((first.id ?? 0) + 1);
    expect(events.replay(first.id ?? 0).map((e) => e.id)).toEqual([second.id]);
  });

  it('delivers transient events to listeners without storing them', () => {
    const events = bus();
    const heard: string[] = [];
    events.subscribe((e) => heard.push(e.type));
    const log = events.publish(
      { type: 'operation.log', data: { id: 'op', line: 'hi' } },
      { durable: false },
    );
    expect(log.id).toBeUndefined();
    expect(heard).toEqual(['operation.log']);
    expect(events.replay(0)).toEqual([]);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const events = bus();
    const heard: number[] = [];
    events.subscribe(() => {
      throw new Error('broken listener');
    });
    events.subscribe((e) => heard.push(e.id ?? -1));
    events.publish(settingsEvent);
    expect(heard).toHaveLength(1);
  });

  it('stops delivering after unsubscribe', () => {
    const events = bus();
    const heard: unknown[] = [];
    const unsubscribe = events.subscribe((e) => heard.push(e));
    unsubscribe();
    events.publish(settingsEvent);
    expect(heard).toEqual([]);
  });
});
