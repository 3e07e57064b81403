import { invalidArgument } from '../../core/errors.js';
import { parseCron, type CronExpression } from './cron-expression.js';

/** A recurring run's `trigger` as KFP's API has it, and as it is stored. */
export interface TriggerJson {
  cron_schedule?: { cron: string; start_time?: string; end_time?: string };
  periodic_schedule?: { interval_second: string; start_time?: string; end_time?: string };
}

/** When a recurring run fires: a cron expression or a fixed interval, within start/end. */
export interface RecurringTrigger {
  json: TriggerJson;
  start?: Date;
  end?: Date;
  /** The schedule's next time after `after`, ignoring start and end. */
  step(after: Date): Date | undefined;
  /** Set when times are relative (periodic, `@every`): each is this long after the last. */
  intervalMs?: number;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads and checks a KFP `trigger`: exactly one of `cron_schedule` and `periodic_schedule`.
 * Errors name the field at fault, e.g. `trigger.cron_schedule.cron: field 3 (hour) "25" ...`.
 */
export function parseTrigger(value: unknown, field = 'trigger'): RecurringTrigger {
  if (!isObject(value)) {
    throw invalidArgument(
      field,
      'is required: give {"cron_schedule": {"cron": "0 0 * * * *"}} or {"periodic_schedule": {"interval_second": "3600"}}',
    );
  }
  const cron = value.cron_schedule ?? undefined;
  const periodic = value.periodic_schedule ?? undefined;
  if ((cron === undefined) === (periodic === undefined)) {
    throw invalidArgument(field, 'give exactly one of cron_schedule and periodic_schedule');
  }
  return cron !== undefined
    ? cronTrigger(cron, `${field}.cron_schedule`)
    : periodicTrigger(periodic, `${field}.periodic_schedule`);
}

function cronTrigger(value: unknown, field: string): RecurringTrigger {
  if (!isObject(value)) throw invalidArgument(field, 'must be a JSON object');
  const text = value.cron;
  if (typeof text !== 'string' || text.trim() === '') {
    throw invalidArgument(`${field}.cron`, 'is required, e.g. "0 0 * * * *" for every hour');
  }
  const expression: CronExpression = parseCron(text, `${field}.cron`);
  const window = timeWindow(value, field);
  if (!expression.next(window.dates.start ?? new Date(0))) {
    throw invalidArgument(`${field}.cron`, `"${text}" never fires (no such date within 5 years)`);
  }
  return {
    json: { cron_schedule: { cron: text.trim(), ...window.json } },
    ...window.dates,
    step: (after) => expression.next(after),
    ...(expression.everyMs ? { intervalMs: expression.everyMs } : {}),
  };
}

function periodicTrigger(value: unknown, field: string): RecurringTrigger {
  if (!isObject(value)) throw invalidArgument(field, 'must be a JSON object');
  const raw = value.interval_second;
  if (raw === undefined || raw === null || raw === '') {
    throw invalidArgument(
      `${field}.interval_second`,
      'is required: seconds between runs, e.g. "3600"',
    );
  }
  const seconds = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 1) {
    throw invalidArgument(
      `${field}.interval_second`,
      `${JSON.stringify(raw)} is not a whole number of seconds from 1`,
    );
  }
  const window = timeWindow(value, field);
  return {
    json: { periodic_schedule: { interval_second: String(seconds), ...window.json } },
    ...window.dates,
    step: (after) => new Date(after.getTime() + seconds * 1000),
    intervalMs: seconds * 1000,
  };
}

function timeWindow(
  value: JsonObject,
  field: string,
): {
  json: { start_time?: string; end_time?: string };
  dates: { start?: Date; end?: Date };
} {
  const start = optionalTime(value.start_time, `${field}.start_time`);
  const end = optionalTime(value.end_time, `${field}.end_time`);
  if (start && end && end <= start) {
    throw invalidArgument(`${field}.end_time`, 'must be after start_time');
  }
  return {
    json: {
      ...(start ? { start_time: start.toISOString() } : {}),
      ...(end ? { end_time: end.toISOString() } : {}),
    },
    dates: { ...(start ? { start } : {}), ...(end ? { end } : {}) },
  };
}

function optionalTime(value: unknown, field: string): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const time =
    typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? new Date(value) : undefined;
  if (!time || Number.isNaN(time.getTime())) {
    throw invalidArgument(
      field,
      `${JSON.stringify(value)} is not an RFC 3339 time like "2026-01-01T09:00:00Z"`,
    );
  }
  return time;
}

/**
 * Where the schedule counts from before its first trigger: start_time, else creation
 * (as KFP: the first time is the first one after this, a whole interval later for periodic).
 */
export function firstAnchor(trigger: RecurringTrigger, createdAt: Date): Date {
  return trigger.start && trigger.start > createdAt ? trigger.start : createdAt;
}

/** The next fire time after `after`, or undefined once past end_time. */
export function nextFire(trigger: RecurringTrigger, after: Date): Date | undefined {
  const next = trigger.step(after);
  return next && (!trigger.end || next <= trigger.end) ? next : undefined;
}

/**
 * The last fire time at or before `now`, given `due` (one that is): what no_catchup
 * triggers after downtime. Relative schedules keep their grid (due + k intervals);
 * cron looks back over doubling windows, so a long gap costs little.
 */
export function latestFire(trigger: RecurringTrigger, due: Date, now: Date): Date {
  const limit = trigger.end && trigger.end < now ? trigger.end : now;
  if (trigger.intervalMs) {
    const steps = Math.floor((limit.getTime() - due.getTime()) / trigger.intervalMs);
    return new Date(due.getTime() + Math.max(0, steps) * trigger.intervalMs);
  }
  let found = due;
  for (let window = 1000; limit.getTime() - window > due.getTime(); window *= 2) {
    const candidate = nextFire(trigger, new Date(limit.getTime() - window));
    if (candidate && candidate <= limit) {
      found = candidate;
      break;
    }
  }
  for (let next = nextFire(trigger, found); next && next <= limit; next = nextFire(trigger, next)) {
    found = next;
  }
  return found;
}
