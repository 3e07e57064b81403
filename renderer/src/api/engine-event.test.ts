import { describe, expect, it } from 'vitest';
import { parseEngineEvent, reconnectDelay } from './engine-event';

describe('parseEngineEvent', () => {
  it('pairs the event name with its JSON payload', () => {
    const event = parseEngineEvent('operation.log', '{"id":"op1","line":"pulling image"}');
    expect(event).toEqual({ type: 'operation.log', data: { id: 'op1', line: 'pulling image' } });
  });

  it('drops unknown event types', () => {
    expect(parseEngineEvent('pipeline.created', '{}')).toBeNull();
    expect(parseEngineEvent('message', '{}')).toBeNull();
  });

  it('drops data that is not a JSON object', () => {
    expect(parseEngineEvent('settings.changed', 'not json')).toBeNull();
    expect(parseEngineEvent('settings.changed', '[1,2]')).toBeNull();
    expect(parseEngineEvent('settings.changed', 'null')).toBeNull();
  });
});

describe('reconnectDelay', () => {
  it('doubles from one second and stops at thirty', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(reconnectDelay)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });
});
