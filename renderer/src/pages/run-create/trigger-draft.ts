import type { Trigger } from '../../api/kfp-recurring-runs';

export type TriggerKind = 'cron' | 'interval';
export type IntervalUnit = 'seconds' | 'minutes' | 'hours' | 'days';

export const UNIT_SECONDS: Record<IntervalUnit, number> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86_400,
};

/** The recurring part of the Create run form, as the controls hold it (text). */
export interface TriggerDraft {
  kind: TriggerKind;
  cron: string;
  every: string;
  unit: IntervalUnit;
  /** `datetime-local` values, in the browser's time zone; '' for none. */
  start: string;
  end: string;
  maxConcurrency: string;
  catchup: boolean;
  enabled: boolean;
}

/** KFP's 6-field form: sec min hour day-of-month month day-of-week. */
export const CRON_PRESETS: readonly { label: string; cron: string }[] = [
  { label: 'Every minute', cron: '0 * * * * *' },
  { label: 'Every hour', cron: '0 0 * * * *' },
  { label: 'Every day at midnight', cron: '0 0 0 * * *' },
  { label: 'Every Monday at 09:00', cron: '0 0 9 * * 1' },
];

export function defaultTrigger(): TriggerDraft {
  return {
    kind: 'interval',
    cron: '0 0 * * * *',
    every: '1',
    unit: 'hours',
    start: '',
    end: '',
    maxConcurrency: '1',
    catchup: true,
    enabled: true,
  };
}

/**
 * Only the shape is checked here (5 or 6 fields); the engine checks each field's values
 * and its message, naming the field, is shown next to the cron input.
 */
export function cronError(cron: string): string | null {
  const parts = cron.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return 'Enter a cron expression, or pick a preset.';
  if (parts.length === 5 || parts.length === 6) return null;
  return `A cron expression has 6 fields (sec min hour day month weekday) or 5 (min hour day month weekday); this one has ${parts.length}.`;
}

function isoOf(local: string): string | null {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export type BuiltTrigger =
  | { ok: true; trigger: Trigger; maxConcurrency: number }
  | { ok: false; errors: Record<string, string> };

/** KFP's trigger and max concurrency, or the errors by form key (`trigger.cron`, …). */
export function buildTrigger(draft: TriggerDraft): BuiltTrigger {
  const errors: Record<string, string> = {};
  const window: { start_time?: string; end_time?: string } = {};
  if (draft.start) {
    const iso = isoOf(draft.start);
    if (iso) window.start_time = iso;
    else errors['trigger.start'] = 'The start is not a valid date and time.';
  }
  if (draft.end) {
    const iso = isoOf(draft.end);
    if (iso) window.end_time = iso;
    else errors['trigger.end'] = 'The end is not a valid date and time.';
  }
  if (window.start_time && window.end_time && window.end_time <= window.start_time) {
    errors['trigger.end'] = 'The end must be after the start.';
  }
  const max = Number(draft.maxConcurrency);
  if (!Number.isInteger(max) || max < 1 || max > 10) {
    errors['trigger.max_concurrency'] = 'Max concurrency is a whole number from 1 to 10.';
  }

  let trigger: Trigger = {};
  if (draft.kind === 'cron') {
    const error = cronError(draft.cron);
    if (error) errors['trigger.cron'] = error;
    trigger = { cron_schedule: { cron: draft.cron.trim().replace(/\s+/g, ' '), ...window } };
  } else {
    const every = Number(draft.every);
    if (!Number.isInteger(every) || every < 1) {
      errors['trigger.interval'] = 'The interval is a whole number, 1 or more.';
    }
    const seconds = every * UNIT_SECONDS[draft.unit];
    trigger = { periodic_schedule: { interval_second: String(seconds), ...window } };
  }
  return Object.keys(errors).length > 0
    ? { ok: false, errors }
    : { ok: true, trigger, maxConcurrency: max };
}
