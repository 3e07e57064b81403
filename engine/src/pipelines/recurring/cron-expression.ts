import { invalidArgument } from '../../core/errors.js';

/**
 * Cron as KFP reads it (robfig/cron): six fields `sec min hour day-of-month month
 * day-of-week`, or the usual five without seconds; `*`, `?`, lists, ranges, steps,
 * JAN-DEC and SUN-SAT; and the descriptors @yearly, @monthly, @weekly, @daily, @hourly
 * and `@every <duration>`. All times are UTC.
 */
export interface CronExpression {
  /** The first fire time strictly after `after` (whole seconds), or undefined within 5 years. */
  next(after: Date): Date | undefined;
  /** `@every`: times are relative, each this long after the last. */
  everyMs?: number;
}

interface FieldRange {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const SECOND: FieldRange = { name: 'second', min: 0, max: 59 };
const MINUTE: FieldRange = { name: 'minute', min: 0, max: 59 };
const HOUR: FieldRange = { name: 'hour', min: 0, max: 23 };
const DAY: FieldRange = { name: 'day of month', min: 1, max: 31 };
const MONTH: FieldRange = {
  name: 'month',
  min: 1,
  max: 12,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
};
// 7 is Sunday too, as in most crons; it folds onto 0 below.
const WEEKDAY: FieldRange = {
  name: 'day of week',
  min: 0,
  max: 7,
  names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
};

const DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

const FORMS =
  'use 6 fields "sec min hour day-of-month month day-of-week" (KFP\'s form, e.g. "0 */5 * * * *"), 5 fields "min hour day-of-month month day-of-week", or @hourly/@daily/@every 10m';

interface Field {
  values: ReadonlySet<number>;
  /** `*` or `?`: for the two day fields, an unrestricted one defers to the other. */
  star: boolean;
}

/** Parses `text`; errors name `field`, the cron field's position and what is wrong. */
export function parseCron(text: string, field: string): CronExpression {
  const spec = text.trim();
  if (spec.startsWith('@')) return parseDescriptor(spec, field);
  const parts = spec.split(/\s+/).filter((part) => part !== '');
  if (parts.length !== 5 && parts.length !== 6) {
    throw invalidArgument(field, `"${text}" has ${parts.length} fields; ${FORMS}`);
  }
  const ranges =
    parts.length === 6
      ? [SECOND, MINUTE, HOUR, DAY, MONTH, WEEKDAY]
      : [MINUTE, HOUR, DAY, MONTH, WEEKDAY];
  const fields = parts.map((part, index) =>
    parseField(part, ranges[index] ?? SECOND, index + 1, field),
  );
  const all = parts.length === 6 ? fields : [{ values: new Set([0]), star: false }, ...fields];
  const [seconds, minutes, hours, days, months, weekdays] = all as [
    Field,
    Field,
    Field,
    Field,
    Field,
    Field,
  ];
  return { next: (after) => nextTime({ seconds, minutes, hours, days, months, weekdays }, after) };
}

function parseDescriptor(spec: string, field: string): CronExpression {
  const expanded = DESCRIPTORS[spec.toLowerCase()];
  if (expanded) return parseCron(expanded, field);
  const every = /^@every\s+(\S+)$/i.exec(spec)?.[1];
  if (every === undefined) {
    throw invalidArgument(field, `"${spec}" is not a known descriptor; ${FORMS}`);
  }
  const ms = parseDuration(every, field);
  return { next: (after) => new Date(Math.floor(after.getTime() / 1000) * 1000 + ms), everyMs: ms };
}

/** Go durations as `@every` takes them: `90s`, `1h30m`, `2.5m`; at least one second. */
function parseDuration(text: string, field: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw invalidArgument(
      field,
      `"@every ${text}": "${text}" is not a duration like 30s, 5m or 1h30m`,
    );
  }
  const ms = parts.reduce(
    (sum, [, n = '0', unit = 's']) => sum + Number(n) * (units[unit] ?? 0),
    0,
  );
  if (ms < 1000) throw invalidArgument(field, `"@every ${text}" is shorter than 1s`);
  return Math.round(ms / 1000) * 1000;
}

function parseField(part: string, range: FieldRange, position: number, field: string): Field {
  const where = `field ${position} (${range.name}) "${part}"`;
  const values = new Set<number>();
  let star = false;
  for (const item of part.split(',')) {
    if (item === '') throw invalidArgument(field, `${where} has an empty list item`);
    const [span = '', stepText, ...extra] = item.split('/');
    if (extra.length > 0) throw invalidArgument(field, `${where} has more than one "/"`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (stepText !== undefined && !(/^\d+$/.test(stepText) && step >= 1)) {
      throw invalidArgument(field, `${where}: the step after "/" must be a whole number from 1`);
    }
    let low: number;
    let high: number;
    if (span === '*' || span === '?') {
      [low, high] = [range.min, top(range)];
      if (stepText === undefined) star = true;
    } else {
      const [from = '', to, ...more] = span.split('-');
      if (more.length > 0) throw invalidArgument(field, `${where} has more than one "-"`);
      low = valueOf(from, range, where, field);
      // "N/step" runs from N to the field's end, as robfig/cron reads it.
      high = to !== undefined ? valueOf(to, range, where, field) : stepText ? top(range) : low;
      if (low > high) throw invalidArgument(field, `${where}: the range starts after it ends`);
    }
    for (let value = low; value <= high; value += step)
      values.add(range.max === 7 ? value % 7 : value);
  }
  return { values, star };
}

/** The highest value `*` and `N/step` reach: Sunday is 0, so day-of-week stops at 6. */
function top(range: FieldRange): number {
  return range === WEEKDAY ? 6 : range.max;
}

function valueOf(text: string, range: FieldRange, where: string, field: string): number {
  const named = range.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + (range.name === 'month' ? 1 : 0);
  if (!/^\d+$/.test(text)) {
    const names = range.names ? ` or a name (${range.names[0]}-${range.names.at(-1)})` : '';
    throw invalidArgument(field, `${where}: "${text}" is not a number${names}`);
  }
  const value = Number(text);
  if (value < range.min || value > range.max) {
    throw invalidArgument(field, `${where} is outside ${range.min}-${range.max}`);
  }
  return value;
}

interface Fields {
  seconds: Field;
  minutes: Field;
  hours: Field;
  days: Field;
  months: Field;
  weekdays: Field;
}

/** Both day fields restricted: either may match (as Vixie cron and robfig/cron do). */
function dayMatches(f: Fields, t: Date): boolean {
  const dom = f.days.values.has(t.getUTCDate());
  const dow = f.weekdays.values.has(t.getUTCDay());
  return f.days.star || f.weekdays.star ? dom && dow : dom || dow;
}

function nextTime(f: Fields, after: Date): Date | undefined {
  let t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  const lastYear = t.getUTCFullYear() + 5;
  while (t.getUTCFullYear() <= lastYear) {
    const [y, mo, d, h, mi] = [
      t.getUTCFullYear(),
      t.getUTCMonth(),
      t.getUTCDate(),
      t.getUTCHours(),
      t.getUTCMinutes(),
    ];
    // Skip the largest unit that cannot match, starting it at its beginning.
    if (!f.months.values.has(mo + 1)) t = new Date(Date.UTC(y, mo + 1, 1));
    else if (!dayMatches(f, t)) t = new Date(Date.UTC(y, mo, d + 1));
    else if (!f.hours.values.has(h)) t = new Date(Date.UTC(y, mo, d, h + 1));
    else if (!f.minutes.values.has(mi)) t = new Date(Date.UTC(y, mo, d, h, mi + 1));
    else if (!f.seconds.values.has(t.getUTCSeconds())) t = new Date(t.getTime() + 1000);
    else return t;
  }
  return undefined;
}
