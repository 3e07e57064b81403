import { describe, expect, it } from 'vitest';
import { buildTrigger, cronError, defaultTrigger } from './trigger-draft';

describe('trigger draft', () => {
  it('accepts 6-field KFP crons and 5-field ones, and counts the fields otherwise', () => {
    expect(cronError('0 0 * * * *')).toBeNull();
    expect(cronError('*/5 * * * *')).toBeNull();
    expect(cronError('* * *')).toMatch(/has 3/);
    expect(cronError('  ')).toMatch(/Enter a cron/);
  });

  it('builds an interval trigger in seconds', () => {
    const built = buildTrigger({ ...defaultTrigger(), every: '2', unit: 'seconds' });
    expect(built).toEqual({
      ok: true,
      trigger: { periodic_schedule: { interval_second: '2' } },
      maxConcurrency: 1,
    });
    expect(buildTrigger({ ...defaultTrigger(), every: '3', unit: 'minutes' })).toMatchObject({
      trigger: { periodic_schedule: { interval_second: '180' } },
    });
  });

  it('builds a cron trigger with its window', () => {
    const built = buildTrigger({
      ...defaultTrigger(),
      kind: 'cron',
      cron: ' 0  0 * * * * ',
      start: '2030-01-01T10:00',
      end: '2030-01-02T10:00',
    });
    if (!built.ok) throw new Error('expected a trigger');
    expect(built.trigger.cron_schedule?.cron).toBe('0 0 * * * *');
    expect(built.trigger.cron_schedule?.start_time).toBe(
      new Date('2030-01-01T10:00').toISOString(),
    );
  });

  it('names each wrong control', () => {
    const built = buildTrigger({
      ...defaultTrigger(),
      every: '0',
      maxConcurrency: '11',
      start: '2030-01-02T10:00',
      end: '2030-01-01T10:00',
    });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(Object.keys(built.errors).sort()).toEqual([
      'trigger.end',
      'trigger.interval',
      'trigger.max_concurrency',
    ]);
  });
});
