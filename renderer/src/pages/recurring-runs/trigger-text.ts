import type { KfpRecurringRun, Trigger } from '../../api/kfp-recurring-runs';

const UNITS: readonly [number, string][] = [
  [86_400, 'd'],
  [3600, 'h'],
  [60, 'min'],
  [1, 's'],
];

/** "every 2 s", "every 5 min": the largest unit that divides the interval evenly. */
export function intervalText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return 'no interval';
  for (const [size, unit] of UNITS) {
    if (seconds % size === 0) return `every ${seconds / size} ${unit}`;
  }
  return `every ${seconds} s`;
}

/** A trigger in words, for lists: "every 2 s", "cron 0 0 * * * ?". */
export function triggerText(trigger: Trigger | undefined): string {
  if (trigger?.cron_schedule) return `cron ${trigger.cron_schedule.cron}`;
  if (trigger?.periodic_schedule) {
    return intervalText(Number(trigger.periodic_schedule.interval_second));
  }
  return 'no trigger';
}

/** The start and end of a trigger's window, when it has them. */
export function triggerWindow(trigger: Trigger | undefined): { start?: string; end?: string } {
  const schedule = trigger?.cron_schedule ?? trigger?.periodic_schedule;
  return { start: schedule?.start_time, end: schedule?.end_time };
}

/** Enabled unless the engine says otherwise (`status`, or `mode` on older answers). */
export function isEnabled(run: KfpRecurringRun): boolean {
  if (run.status === 'ENABLED' || run.status === 'DISABLED') return run.status === 'ENABLED';
  return run.mode !== 'DISABLE';
}
