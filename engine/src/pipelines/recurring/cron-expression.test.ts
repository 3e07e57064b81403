import { describe, expect, it } from 'vitest';
import { parseCron } from './cron-expression.js';

const FIELD = 'trigger.cron_schedule.cron';

/** The next `count` fire times after `from`, as ISO strings. */
function times(cron: string, from: string, count = 3): string[] {
  const expression = parseCron(cron, FIELD);
  const result: string[] = [];
  let after = new Date(from);
  for (let i = 0; i < count; i++) {
    const next = expression.next(after);
    if (!next) break;
    result.push(next.toISOString());
    after = next;
  }
  return result;
}

describe('parseCron: next fire times (UTC)', () => {
  it('reads KFP 6-field cron with seconds first', () => {
    expect(times('*/2 * * * * *', '2026-01-01T00:00:00.500Z')).toEqual([
      '2026-01-01T00:00:02.000Z',
      '2026-01-01T00:00:04.000Z',
      '2026-01-01T00:00:06.000Z',
    ]);
  });

  it('reads the usual 5-field form as minute-first with second 0', () => {
    expect(times('30 9 * * *', '2026-01-01T10:00:00Z', 2)).toEqual([
      '2026-01-02T09:30:00.000Z',
      '2026-01-03T09:30:00.000Z',
    ]);
  });

  it('handles ? for day of month, day-of-week ranges and names (weekdays at 9:00)', () => {
    // 2026-01-02 is a Friday.
    expect(times('0 0 9 ? * MON-FRI', '2026-01-02T09:00:00Z', 2)).toEqual([
      '2026-01-05T09:00:00.000Z',
      '2026-01-06T09:00:00.000Z',
    ]);
    // 0 is Sunday, as in robfig/cron: 2-6 is Tuesday to Saturday.
    expect(times('0 0 9 ? * 2-6', '2026-01-02T09:00:00Z', 1)).toEqual(['2026-01-03T09:00:00.000Z']);
  });

  it('handles lists, month names, and 7 as Sunday', () => {
    expect(times('0 15,45 * * * *', '2026-01-01T00:20:00Z', 2)).toEqual([
      '2026-01-01T00:45:00.000Z',
      '2026-01-01T01:15:00.000Z',
    ]);
    expect(times('0 0 0 1 jan,JUL *', '2026-02-01T00:00:00Z', 2)).toEqual([
      '2026-07-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
    // 2026-01-04 is a Sunday.
    expect(times('0 0 * * 7', '2026-01-01T00:00:00Z', 1)).toEqual(['2026-01-04T00:00:00.000Z']);
  });

  it('fires when either day field matches if both are restricted, as Vixie cron does', () => {
    // The 10th, or any Monday (2026-01-05, 2026-01-12).
    expect(times('0 0 0 10 * MON', '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-01-05T00:00:00.000Z',
      '2026-01-10T00:00:00.000Z',
      '2026-01-12T00:00:00.000Z',
    ]);
  });

  it('reads "N/step" as from N to the end of the field', () => {
    expect(times('0 50/5 * * * *', '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-01-01T00:50:00.000Z',
      '2026-01-01T00:55:00.000Z',
      '2026-01-01T01:50:00.000Z',
    ]);
  });

  it('skips months without the day (31st) and finds leap days', () => {
    expect(times('0 0 0 31 * *', '2026-01-31T00:00:00Z', 2)).toEqual([
      '2026-03-31T00:00:00.000Z',
      '2026-05-31T00:00:00.000Z',
    ]);
    expect(times('0 0 0 29 2 *', '2026-01-01T00:00:00Z', 1)).toEqual(['2028-02-29T00:00:00.000Z']);
  });

  it('understands @hourly, @daily and @every', () => {
    expect(times('@hourly', '2026-01-01T00:00:00Z', 1)).toEqual(['2026-01-01T01:00:00.000Z']);
    expect(times('@daily', '2026-01-01T00:00:01Z', 1)).toEqual(['2026-01-02T00:00:00.000Z']);
    expect(times('@every 1m30s', '2026-01-01T00:00:00Z', 2)).toEqual([
      '2026-01-01T00:01:30.000Z',
      '2026-01-01T00:03:00.000Z',
    ]);
    expect(parseCron('@every 2s', FIELD).everyMs).toBe(2000);
  });

  it('answers undefined for a date that never comes', () => {
    expect(parseCron('0 0 0 30 2 *', FIELD).next(new Date('2026-01-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('parseCron: errors name the field, its position and the fix', () => {
  it.each([
    ['0 0 25 * * *', `${FIELD}: field 3 (hour) "25" is outside 0-23`],
    ['61 * * * *', `${FIELD}: field 1 (minute) "61" is outside 0-59`],
    ['0 0 0 * 13 *', 'field 5 (month) "13" is outside 1-12'],
    ['0 0 0 * FOO *', 'field 5 (month) "FOO": "FOO" is not a number or a name (JAN-DEC)'],
    ['0 0 0 0 * *', 'field 4 (day of month) "0" is outside 1-31'],
    ['* * * *', 'has 4 fields; use 6 fields "sec min hour day-of-month month day-of-week"'],
    ['*/0 * * * * *', 'field 1 (second) "*/0": the step after "/" must be a whole number from 1'],
    ['0 5-2 * * * *', 'field 2 (minute) "5-2": the range starts after it ends'],
    ['0 1,,2 * * * *', 'field 2 (minute) "1,,2" has an empty list item'],
    ['@fortnightly', '"@fortnightly" is not a known descriptor'],
    ['@every soon', '"soon" is not a duration like 30s'],
    ['@every 200ms', 'is shorter than 1s'],
  ])('%s', (cron, message) => {
    expect(() => parseCron(cron, FIELD)).toThrow(message);
    expect(() => parseCron(cron, FIELD)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
