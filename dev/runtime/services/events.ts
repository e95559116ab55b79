// Fields of the event objects Apps Script passes to trigger handlers.
import { isDate } from './realm';
import { weekOfYear, zoneFields } from './format-date';

/** The fields of a time-driven event (week-of-year in Java's US weeks; day-of-week 1 = Monday … 7 = Sunday). */
export function clockFields(now: number, timeZone: string): Record<string, unknown> {
  const f = zoneFields(now, timeZone);
  return {
    year: f.year,
    month: f.month,
    'day-of-month': f.day,
    'day-of-week': f.weekday === 0 ? 7 : f.weekday,
    hour: f.hour,
    minute: f.minute,
    second: f.second,
    timezone: timeZone,
    'week-of-year': weekOfYear(f).week,
  };
}

/** A cell value as onEdit reports it in e.value and e.oldValue: text, absent when empty. */
export function stringValue(value: unknown): string | undefined {
  if (value === '' || value === undefined || value === null) return undefined;
  return isDate(value) ? value.toISOString() : String(value);
}
