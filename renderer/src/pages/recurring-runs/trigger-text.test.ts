import { describe, expect, it } from 'vitest';
import { intervalText, isEnabled, triggerText, triggerWindow } from './trigger-text';

describe('trigger text', () => {
  it('says an interval in its largest even unit', () => {
    expect(intervalText(2)).toBe('every 2 s');
    expect(intervalText(300)).toBe('every 5 min');
    expect(intervalText(7200)).toBe('every 2 h');
    expect(intervalText(86_400)).toBe('every 1 d');
    expect(intervalText(90)).toBe('every 90 s');
    expect(intervalText(0)).toBe('no interval');
  });

  it('describes cron and periodic triggers', () => {
    expect(triggerText({ cron_schedule: { cron: '0 0 * * * ?' } })).toBe('cron 0 0 * * * ?');
    expect(triggerText({ periodic_schedule: { interval_second: '2' } })).toBe('every 2 s');
    expect(triggerText(undefined)).toBe('no trigger');
    expect(
      triggerWindow({ cron_schedule: { cron: '* * * * *', start_time: 'a', end_time: 'b' } }),
    ).toEqual({ start: 'a', end: 'b' });
  });

  it('reads enabled from status, else from mode', () => {
    const base = { recurring_run_id: 'r', display_name: 'r' };
    expect(isEnabled({ ...base, status: 'DISABLED', mode: 'ENABLE' })).toBe(false);
    expect(isEnabled({ ...base, status: 'ENABLED' })).toBe(true);
    expect(isEnabled({ ...base, mode: 'DISABLE' })).toBe(false);
    expect(isEnabled(base)).toBe(true);
  });
});
