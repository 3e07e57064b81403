import { describe, expect, it } from 'vitest';
import { firstAnchor, latestFire, nextFire, parseTrigger } from './recurring-trigger.js';

const at = (iso: string): Date => new Date(iso);

describe('parseTrigger', () => {
  it('keeps the KFP JSON, normalised (interval as a string, times as UTC ISO)', () => {
    const trigger = parseTrigger({
      periodic_schedule: { interval_second: 2, start_time: '2026-01-01T01:00:00+01:00' },
    });
    expect(trigger.json).toEqual({
      periodic_schedule: { interval_second: '2', start_time: '2026-01-01T00:00:00.000Z' },
    });
    expect(trigger.intervalMs).toBe(2000);
  });

  it.each([
    [undefined, 'trigger: is required'],
    [{}, 'trigger: give exactly one of cron_schedule and periodic_schedule'],
    [
      { cron_schedule: { cron: '* * * * * *' }, periodic_schedule: { interval_second: '1' } },
      'give exactly one',
    ],
    [{ cron_schedule: {} }, 'trigger.cron_schedule.cron: is required'],
    [
      { cron_schedule: { cron: '0 0 25 * * *' } },
      'trigger.cron_schedule.cron: field 3 (hour) "25" is outside 0-23',
    ],
    [{ cron_schedule: { cron: '0 0 0 30 2 *' } }, 'never fires'],
    [{ periodic_schedule: {} }, 'trigger.periodic_schedule.interval_second: is required'],
    [
      { periodic_schedule: { interval_second: '0' } },
      'trigger.periodic_schedule.interval_second: "0" is not a whole number of seconds from 1',
    ],
    [
      { periodic_schedule: { interval_second: 5, start_time: 'tomorrow' } },
      'trigger.periodic_schedule.start_time: "tomorrow" is not an RFC 3339 time',
    ],
    [
      {
        cron_schedule: {
          cron: '@hourly',
          start_time: '2026-02-01T00:00:00Z',
          end_time: '2026-01-01T00:00:00Z',
        },
      },
      'trigger.cron_schedule.end_time: must be after start_time',
    ],
  ])('refuses %j naming the field', (value, message) => {
    expect(() => parseTrigger(value)).toThrow(message);
  });
});

describe('fire times', () => {
  it('periodic: a whole interval after creation, or after start_time when that is later', () => {
    const trigger = parseTrigger({ periodic_schedule: { interval_second: '60' } });
    const anchor = firstAnchor(trigger, at('2026-01-01T00:00:00Z'));
    expect(nextFire(trigger, anchor)).toEqual(at('2026-01-01T00:01:00Z'));
    const later = parseTrigger({
      periodic_schedule: { interval_second: '60', start_time: '2026-03-01T00:00:00Z' },
    });
    expect(nextFire(later, firstAnchor(later, at('2026-01-01T00:00:00Z')))).toEqual(
      at('2026-03-01T00:01:00Z'),
    );
  });

  it('cron: the first time after start_time; nothing after end_time', () => {
    const trigger = parseTrigger({
      cron_schedule: {
        cron: '0 0 * * * *',
        start_time: '2026-01-01T10:30:00Z',
        end_time: '2026-01-01T12:00:00Z',
      },
    });
    const first = nextFire(trigger, firstAnchor(trigger, at('2026-01-01T00:00:00Z')));
    expect(first).toEqual(at('2026-01-01T11:00:00Z'));
    expect(nextFire(trigger, at('2026-01-01T11:00:00Z'))).toEqual(at('2026-01-01T12:00:00Z'));
    expect(nextFire(trigger, at('2026-01-01T12:00:00Z'))).toBeUndefined();
  });

  it('latestFire keeps a periodic schedule on its grid', () => {
    const trigger = parseTrigger({ periodic_schedule: { interval_second: '10' } });
    expect(latestFire(trigger, at('2026-01-01T00:00:10Z'), at('2026-01-01T01:00:07Z'))).toEqual(
      at('2026-01-01T01:00:00Z'),
    );
  });

  it('latestFire finds the last cron time before now, even after a long gap', () => {
    const trigger = parseTrigger({ cron_schedule: { cron: '0 */15 * * * *' } });
    expect(latestFire(trigger, at('2026-01-01T00:15:00Z'), at('2026-03-10T08:44:59Z'))).toEqual(
      at('2026-03-10T08:30:00Z'),
    );
  });

  it('latestFire stops at end_time', () => {
    const trigger = parseTrigger({
      cron_schedule: { cron: '0 0 * * * *', end_time: '2026-01-01T05:30:00Z' },
    });
    expect(latestFire(trigger, at('2026-01-01T01:00:00Z'), at('2026-01-02T00:00:00Z'))).toEqual(
      at('2026-01-01T05:00:00Z'),
    );
  });
});
