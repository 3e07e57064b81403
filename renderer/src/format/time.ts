/**
 * A moment as people read it in a list: the time for today ("14:32"), otherwise the date
 * and time. Uses the browser's locale. Empty for a value that is not a date.
 */
export function formatMoment(iso: string, now: Date = new Date(), locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = date.toDateString() === now.toDateString();
  const time: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  };
  return sameDay
    ? date.toLocaleTimeString(locale, time)
    : date.toLocaleString(locale, { ...time, year: 'numeric', month: 'short', day: 'numeric' });
}
