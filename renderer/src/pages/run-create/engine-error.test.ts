import { describe, expect, it } from 'vitest';
import { fieldErrorOf, fieldOfMessage, formKeyOfField } from './engine-error';

describe('engine error fields', () => {
  it('finds the field path at the start of a message', () => {
    expect(fieldOfMessage('trigger.cron_schedule.cron: the hour field "25" is out of range')).toBe(
      'trigger.cron_schedule.cron',
    );
    expect(fieldOfMessage('runtime_config.parameters.lr: must be a number')).toBe(
      'runtime_config.parameters.lr',
    );
    expect(fieldOfMessage('Pipeline "x" was not found.')).toBeNull();
  });

  it('maps a path to the control that holds it', () => {
    expect(formKeyOfField('trigger.cron_schedule.cron')).toBe('trigger.cron');
    expect(formKeyOfField('trigger.periodic_schedule.interval_second')).toBe('trigger.interval');
    expect(formKeyOfField('trigger.cron_schedule.end_time')).toBe('trigger.end');
    expect(formKeyOfField('runtime_config.parameters.lr')).toBe('param.lr');
    expect(formKeyOfField('max_concurrency')).toBe('trigger.max_concurrency');
    expect(formKeyOfField('labels.team')).toBe('labels');
    expect(formKeyOfField('executor')).toBe('executor');
    expect(formKeyOfField('namespace')).toBeNull();
  });

  it('gives the message to that control', () => {
    const message = 'trigger.cron_schedule.cron: 6 fields expected';
    expect(fieldErrorOf(message)).toEqual({ 'trigger.cron': message });
    expect(fieldErrorOf('Something failed.')).toEqual({});
  });
});
